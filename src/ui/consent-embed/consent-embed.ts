import type { Service } from '../../catalogue/types.js';
import type { ConsentChangeEvent } from '../../consent/events.js';
import { localeOf, localeReady, localise, translator, type Locale, type StringKey, type Translate } from '../../i18n/strings.js';
import { bannerStyles } from '../consent-banner/consent-banner.styles.js';
import { adoptDocumentStyles } from '../document-styles.js';
import { DrawnElement, h, morph, morphAttributes } from '../dom.js';
import { READY_EVENT, runningController } from '../running-controller.js';
import { embedStyles } from './consent-embed.styles.js';
import { providerOf, type Provider } from './providers.js';

/**
 * Fired on the element when its content loads: `once` after the visitor pressed its Load button
 * (consent for this embed, this page view, not stored), otherwise because the service is allowed.
 */
export class EmbedLoadEvent extends Event {
  static readonly eventName = 'consent-embed-load';

  constructor(
    /** The catalogue service whose content loaded. */
    readonly service: string,
    /** True for a one-off load by the placeholder's button. */
    readonly once: boolean,
  ) {
    super(EmbedLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-embed-load': EmbedLoadEvent;
  }
}

let instances = 0;

/** The attributes the element reads, each also a property. */
const ATTRIBUTES = ['service', 'src', 'title', 'poster', 'href', 'script'];

/** An http(s) address (relative ones against the page), or undefined: never `javascript:` and the like. */
function webAddress(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, location.href);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The page's CSP nonce, if it has one: a provider script added under a strict policy needs it. */
const pageNonce = () => [...document.scripts].find((script) => script.nonce)?.nonce;

/** Provider scripts this page has added, by address: each is added once. */
const added = new Set<string>();

/**
 * Adds a provider's script once. It carries `data-consent` with its service, so the gate reloads
 * the page when that service is withdrawn: a script that ran cannot be unloaded.
 */
function addProviderScript(src: string, service: string): void {
  if (added.has(src)) return;
  added.add(src);
  const script = document.createElement('script');
  script.src = src;
  script.async = true;
  script.dataset.consent = service;
  const nonce = pageNonce();
  if (nonce) script.nonce = nonce;
  document.head.append(script);
}

/**
 * Third-party content — a YouTube video, a Facebook page's posts, an X timeline, a Slido poll, or
 * any catalogue service shown in an iframe — that loads nothing before the visitor allows it.
 *
 * Until then it shows a placeholder, in the space the content will take (reserved from the moment
 * the page is parsed, so loading moves nothing): the title, the provider and that it will set
 * cookies, with a link to its privacy policy; a button worded for the content ("Play video",
 * "Show posts", "Join the poll") that loads this one embed for this page view; "Always allow
 * {provider}", which allows the service on the whole site (stored, method `embed`); and a plain link
 * to the content on the provider's own site. It makes no request to anyone before that: no
 * remote thumbnail (an optional `poster` must be on the site itself).
 *
 * YouTube goes through youtube-nocookie.com; Facebook's Page plugin and X's timeline load their
 * provider's script only once allowed; Slido and other services load their iframe. When the service
 * is withdrawn, the embed goes back to its placeholder.
 *
 * Renders in the light DOM (the providers' scripts look for their markup in the document); the
 * placeholder is styled like the banner, immune to the page's CSS. Content placed inside the
 * element (a plain link to the content) is for visitors without JavaScript: the placeholder
 * replaces it.
 *
 * @summary Third-party content behind a placeholder until the visitor allows it.
 * @attr service - The catalogue service that provides the content (`service` property).
 * @attr src - The content's address (`src` property).
 * @attr title - What the content is: the placeholder's title and the loaded iframe's (`title` property).
 * @attr poster - An image on this site shown in the placeholder (`poster` property).
 * @attr href - The content on the provider's own site, when `src` is not that address (`href` property).
 * @attr script - Another address for a Facebook or X script (`script` property).
 * @cssprop --consent-embed-ratio - Width to height of a video or other content (default `16/9`); set it in the page's CSS.
 * @cssprop --consent-embed-height - Height of a feed or a poll (default `500px`); set it in the page's CSS.
 * @cssprop --consent-embed-min-height - Least height of a video's box (default none), to hold a placeholder's text on a phone.
 * @cssprop --consent-background - Placeholder background.
 * @cssprop --consent-text - Placeholder text colour.
 * @cssprop --consent-border - Placeholder border.
 * @cssprop --consent-button-background - Load button background.
 * @cssprop --consent-button-text - Load button text colour.
 * @cssprop --consent-secondary-background - "Always allow" background.
 * @cssprop --consent-secondary-text - "Always allow" text and border colour.
 * @cssprop --consent-link - Link colour.
 * @cssprop --consent-focus - Focus highlight.
 * @csspart placeholder - The placeholder (`role="group"`, labelled by the title).
 * @csspart title - The title in the placeholder.
 * @csspart button - Its buttons; also `load`, `always`.
 * @csspart link - Its links (privacy policy, the content on the provider's site).
 * @csspart poster - The site-hosted poster image.
 * @csspart content - What loaded: the iframe, or the provider's feed.
 * @fires consent-embed-load - When the content loads (`once`: by the placeholder's button, for this page view).
 * @fires consent-change - (from the controller) after "Always allow".
 */
export class ConsentEmbed extends DrawnElement {
  static observedAttributes = ATTRIBUTES;

  /** The catalogue service that provides the content: `youtube`, `facebook`, `twitter`, `slido`, or any other. */
  get service(): string {
    return this.getAttribute('service') ?? '';
  }
  set service(value: string) {
    this._setOptional('service', value);
  }

  /**
   * The content: a YouTube video's address (watch, youtu.be, embed or shorts), a Facebook page, an X
   * profile, a Slido event, or for any other service the address its iframe shows.
   */
  get src(): string {
    return this.getAttribute('src') ?? '';
  }
  set src(value: string) {
    this._setOptional('src', value);
  }

  /** What the content is ("Sports day 2026"): the placeholder's title and the loaded iframe's title (the element's own `title`). */
  override get title(): string {
    return this.getAttribute('title') ?? '';
  }
  override set title(value: string) {
    this._setOptional('title', value);
  }

  /** An image on this site shown in the placeholder (an image elsewhere is refused: that would be a request). */
  get poster(): string | undefined {
    return this.getAttribute('poster') ?? undefined;
  }
  set poster(value: string | undefined) {
    this._setOptional('poster', value);
  }

  /** The content on the provider's own site, when `src` is not that address (e.g. a proxy). */
  get href(): string | undefined {
    return this.getAttribute('href') ?? undefined;
  }
  set href(value: string | undefined) {
    this._setOptional('href', value);
  }

  /** Another address for a Facebook or X script (a self-hosted copy, a test stand-in). */
  get script(): string | undefined {
    return this.getAttribute('script') ?? undefined;
  }
  set script(value: string | undefined) {
    this._setOptional('script', value);
  }

  /** Loaded by the placeholder's button for this page view, without a stored grant. */
  private _once = false;

  private _id = `cg-embed-${++instances}`;
  /** Whether the content is on screen, as of the last drawing. */
  private _shown = false;
  /** Whether the visitor has seen the placeholder here (then it stays under the content). */
  private _placeheld = false;
  /** Whether the visitor's press should move focus to the content once it is there. */
  private _focusContent = false;
  /** Whether what the page put inside (for visitors without JavaScript) has been taken out. */
  private _cleared = false;
  private _warned = new Set<string>();

  /** Sets attribute `name` to `value`; null or undefined removes it (as Lit's reflected properties do). */
  private _setOptional(name: string, value: string | null | undefined): void {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }

  /**
   * The content as last drawn (a copy without children): a drawing changes only the attributes
   * it changed itself, so what the page or the provider's script put on the iframe or feed stays
   * (and an iframe whose address only they changed is not loaded again).
   */
  private _drawnContent?: Element;

  private _onChange = (event: ConsentChangeEvent) => {
    // A one-off load lasts until the visitor next states their choices (banner, settings, API)
    // without allowing this service; another embed's "Always allow" leaves it alone.
    if (this._once && event.method !== 'embed' && !this._allowed()) this._once = false;
    this.requestUpdate();
  };

  private _onReady = () => this.requestUpdate();

  connectedCallback(): void {
    adoptDocumentStyles(bannerStyles);
    adoptDocumentStyles(embedStyles);
    this.upgradeProperties(ATTRIBUTES);
    document.addEventListener('consent-change', this._onChange);
    document.addEventListener(READY_EVENT, this._onReady);
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    document.removeEventListener(READY_EVENT, this._onReady);
    document.removeEventListener('consent-change', this._onChange);
  }

  /** Says what is wrong with the markup, once per problem. */
  private _warn(message: string): void {
    if (this._warned.has(message)) return;
    this._warned.add(message);
    console.error(`consent-gate: ${message}`);
  }

  private _serviceEntry(): Service | undefined {
    const services = runningController()?.catalogue?.services;
    return services && Object.prototype.hasOwnProperty.call(services, this.service) ? services[this.service] : undefined;
  }

  private _allowed(): boolean {
    return runningController()?.allows(this.service) === true;
  }

  private _loadOnce(): void {
    this._focusContent = true;
    this._once = true;
    this.requestUpdate();
  }

  private async _allowAlways(): Promise<void> {
    this._focusContent = true;
    const applied = await runningController()?.update({ [this.service]: true }, 'embed');
    if (!applied) this._focusContent = false;
  }

  /**
   * Draws the placeholder, the content, or both, changing only what differs: the content, once
   * there, is never drawn again (an iframe would reload; a provider's script drew inside it), and
   * a placeholder button keeps its focus.
   */
  protected draw(): void {
    // What the page put inside is for visitors without JavaScript (a plain link to the content):
    // the placeholder replaces it.
    if (!this._cleared) this.replaceChildren();
    this._cleared = true;
    const drawn = this._drawing();
    const [poster, placeholder, content] = ['.cg-poster', '.cg-placeholder', '.cg-content'].map((selector) =>
      this.querySelector<HTMLElement>(`:scope > ${selector}`),
    );
    if (!drawn.poster) poster?.remove();
    else if (poster) morph(poster, drawn.poster);
    else this.prepend(drawn.poster);
    if (!drawn.placeholder) placeholder?.remove();
    else if (placeholder) morph(placeholder, drawn.placeholder);
    else (content ? content.before(drawn.placeholder) : this.append(drawn.placeholder));
    const before = this._drawnContent;
    this._drawnContent = drawn.content?.cloneNode() as Element | undefined;
    if (!drawn.content) content?.remove();
    else if (content?.tagName === drawn.content.tagName) morphAttributes(content, drawn.content, before);
    else content ? content.replaceWith(drawn.content) : this.append(drawn.content);
    this._afterDrawing();
  }

  /** What the element shows now: nothing while it cannot be drawn (no catalogue, service or address, or its language not yet here). */
  private _drawing(): { poster?: HTMLElement; placeholder?: HTMLElement; content?: HTMLElement } {
    const controller = runningController();
    const catalogue = controller?.catalogue;
    const service = this._serviceEntry();
    const src = webAddress(this.src);
    if (!catalogue || !service || !src) {
      if (catalogue)
        this._warn(
          service
            ? `<consent-embed service="${this.service}"> needs src="https://…" (got "${this.src}").`
            : `<consent-embed service="${this.service}">: no such service in the cookie catalogue; nothing will load.`,
        );
      return {};
    }
    const provider = providerOf(service);
    const locale = localeOf(this, catalogue.texts);
    if (!localeReady(this, locale)) return {};
    const t = translator(locale, catalogue.texts);
    const name = localise(service.title, locale);
    const title = this.title || name;
    const shown = this._once || this._allowed();
    if (!shown) this._placeheld = true;
    // Content that replaces a placeholder the visitor saw lies over it, the placeholder kept under
    // it, hidden and inert, so the box keeps exactly its size; content allowed from the start has
    // just the box the gate reserved.
    return {
      ...(this._placeheld ? this._drawPlaceholder(provider, service, src, { locale, t, name, title }, shown) : {}),
      content: shown ? this._drawContent(provider, src, title) : undefined,
    };
  }

  private _drawPlaceholder(
    provider: Provider,
    service: Service,
    src: URL,
    { locale, t, name, title }: { locale: Locale; t: Translate; name: string; title: string },
    covered: boolean,
  ): { poster?: HTMLElement; placeholder: HTMLElement } {
    const kind = provider.kind;
    const values = { service: name, provider: service.provider, title };
    const link = webAddress(this.href)?.href ?? provider.link(src);
    const poster = webAddress(this.poster);
    const ownPoster = poster?.origin === location.origin ? poster.href : undefined;
    if (poster && !ownPoster) this._warn(`<consent-embed poster="${this.poster}"> ignored: a poster must be on this site.`);
    const button = (part: string, className: string, label: string, onClick: () => unknown) =>
      h('button', { type: 'button', class: className, part: `button ${part}` }, label, onClick);
    return {
      poster: ownPoster && !covered ? h('img', { class: 'cg-poster', part: 'poster', src: ownPoster, alt: '' }) : undefined,
      placeholder: h(
        'div',
        {
          class: 'cg-placeholder',
          part: 'placeholder',
          role: 'group',
          'aria-labelledby': this._id,
          lang: locale,
          inert: covered,
          'data-covered': covered,
          'data-poster': Boolean(ownPoster),
        },
        [
          h('p', { class: 'cg-embed-title', part: 'title', id: this._id }, title),
          h('p', { class: 'cg-text' }, [
            t(`embed.${kind}` as StringKey, values),
            service.privacyUrl && ' ',
            service.privacyUrl &&
              h('a', { class: 'cg-link', part: 'link', href: service.privacyUrl, target: '_blank', rel: 'noopener noreferrer' }, [
                `${t('preferences.privacy', values)} ${t('preferences.newTab')}`,
              ]),
          ]),
          h('div', { class: 'cg-actions' }, [
            button('load', 'cg-button', t(`embed.load.${kind}` as StringKey), () => this._loadOnce()),
            button('always', 'cg-button cg-secondary', t('embed.always', values), () => this._allowAlways()),
          ]),
          h('p', { class: 'cg-text' }, h('a', { class: 'cg-link', part: 'link', href: link }, t(`embed.link.${kind}` as StringKey, values))),
        ],
      ),
    };
  }

  private _drawContent(provider: Provider, src: URL, title: string): HTMLElement {
    if (provider.frame) {
      return h('iframe', {
        class: 'cg-content',
        part: 'content',
        src: provider.frame(src, this._once),
        title,
        allow: provider.allow,
        allowfullscreen: provider.kind === 'video',
        referrerpolicy: 'strict-origin-when-cross-origin',
      });
    }
    // The provider's script draws into this container (see _afterDrawing); drawing again never
    // touches inside it.
    return h('div', { class: 'cg-content', part: 'content', role: 'group', 'aria-label': title, tabindex: '-1' });
  }

  /** Once the content is there: the provider's script, the load event, focus after a press. */
  private _afterDrawing(): void {
    const content = this.querySelector<HTMLElement>(':scope > .cg-content');
    const shown = Boolean(content);
    if (shown && !this._shown) {
      const scripted = providerOf(this._serviceEntry()!).scripted;
      if (scripted && content && !content.firstChild) {
        const box = this.getBoundingClientRect();
        const name = localise(this._serviceEntry()!.title, localeOf(this));
        content.append(scripted.markup(webAddress(this.src)!.href, this.title || name, box));
        if (!scripted.render(content)) {
          const locale = localeOf(this, runningController()?.catalogue?.texts);
          addProviderScript(webAddress(this.script)?.href ?? scripted.script(locale), this.service);
        }
      }
      const event = new EmbedLoadEvent(this.service, this._once && !this._allowed());
      this.dispatchEvent(event);
    }
    // The content is where the button was (the box does not move): no need to scroll to it.
    if (shown && this._focusContent) content?.focus({ preventScroll: true });
    this._focusContent = false;
    this._shown = shown;
  }
}
