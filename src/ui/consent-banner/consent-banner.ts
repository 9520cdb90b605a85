import type { Catalogue, Category } from '../../catalogue/types.js';
import type { ConsentController } from '../../consent/controller.js';
import {
  listOf,
  localeOf,
  localeReady,
  localise,
  pendingLocale,
  siteDetails,
  translator,
  type Locale,
  type StringKey,
  type Translate,
} from '../../i18n/strings.js';
import type { choicesFromForm, renderDialog } from '../category-choices.js';
import { categoryTitle, EXCEPTION, KNOWN } from '../category-title.js';
import { adoptDocumentStyles, type Styles } from '../document-styles.js';
import { DrawnElement, h, morph, type Content } from '../dom.js';
import { reserveBottom } from '../reserve-space.js';
import { READY_EVENT, runningController } from '../running-controller.js';
import { bannerStyles } from './consent-banner.styles.js';

/** The dialog, drawn with its questions (`category-choices.ts`), and their stylesheet (`category-choices.styles.ts`). */
interface CategoryChoices {
  renderDialog: typeof renderDialog;
  choicesFromForm: typeof choicesFromForm;
  styles: Styles;
}

let choices: CategoryChoices | undefined;
let fetchChoices: (() => Promise<unknown>) | undefined;

/**
 * Gives the banner its preferences dialog (drawn with Lit) and questions: on import for npm (the
 * registration module does it), or, in the script tag, from the elements bundle, which `fetch`
 * loads the first time the preferences open: a first visit that never opens them does not
 * download them, nor Lit.
 */
export function provideCategoryChoices(given: CategoryChoices | undefined, fetch?: () => Promise<unknown>): void {
  choices = given ?? choices;
  fetchChoices = fetch ?? fetchChoices;
}

/** What the bar shows: the question, a confirmation after a choice, or nothing. */
type View = 'question' | 'message' | 'hidden';

interface Context {
  catalogue: Catalogue;
  locale: Locale;
  t: Translate;
  site: string;
  cookiesPageUrl?: string;
}

/**
 * Whether the visitor still has a question to answer (the controller says so when it can). Never
 * on the cookies page: its `<consent-preferences>` asks the questions itself.
 */
function asking(controller: ConsentController): boolean {
  if (document.querySelector('consent-preferences')) return false;
  const awaiting = (controller as { awaitingChoice?: boolean }).awaitingChoice;
  return awaiting ?? !controller.record;
}

/** Controls Tab can reach in `root`, in order (one per radio group: its checked radio). */
function tabbables(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('a[href], button, input, summary')].filter(
    (el) =>
      !(el as HTMLButtonElement).disabled &&
      el.getClientRects().length > 0 &&
      !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
}

/**
 * The cookie banner and the preferences dialog. The banner asks once, with equal-weight Accept and
 * Reject buttons, "Choose cookies" and a link to the cookies page, then confirms the choice. The
 * preferences are a modal dialog with one Yes/No question per optional category. Inserted
 * automatically when the visitor has not chosen; a site may place it itself.
 *
 * The bar is built with the DOM's own methods (`../dom.ts`), not Lit: the script tag's core, which
 * a first visit downloads, draws it and carries no Lit. The dialog comes with its questions and Lit
 * (`renderDialog`, in `../category-choices.ts`), which the script tag fetches when it first opens.
 * Like a Lit element, the banner draws after a microtask once asked (`requestUpdate()`), and
 * `updateComplete` resolves once it has (`DrawnElement`).
 *
 * Both render in the light DOM, so browser privacy features that answer cookie banners can find
 * the text and the Reject button; a document-level stylesheet keeps them immune to the page's CSS.
 * Because they are light DOM, `::part()` does not apply: style the parts with
 * `consent-banner [part~="accept"]` selectors, or better, with the custom properties.
 *
 * @summary The consent choice: first layer (banner) and second layer (preferences dialog).
 * @attr {'bottom' | 'top'} placement - `bottom` (default): a fixed bar. `top`: in the page flow, for a banner placed right after `<body>`.
 * @cssprop --consent-font - Font family (default: the system UI font).
 * @cssprop --consent-font-size - Base text size (default `medium`: the visitor's browser setting).
 * @cssprop --consent-background - Banner background.
 * @cssprop --consent-dialog-background - Preferences dialog background.
 * @cssprop --consent-text - Text colour.
 * @cssprop --consent-border - Borders and rules.
 * @cssprop --consent-button-background - Accept, Reject, Save and Hide background (the same for all).
 * @cssprop --consent-button-text - Their text colour.
 * @cssprop --consent-button-shadow - Their bottom edge.
 * @cssprop --consent-secondary-background - "Choose cookies" and "Close" background.
 * @cssprop --consent-secondary-text - Their text and border colour.
 * @cssprop --consent-link - Link colour.
 * @cssprop --consent-focus - Focus highlight.
 * @cssprop --consent-focus-text - Text on the focus highlight.
 * @cssprop --consent-backdrop - What covers the page behind the dialog.
 * @cssprop --consent-max-width - Width of the banner's content (default `60em`).
 * @cssprop --consent-z-index - Stacking order of the fixed bar.
 * @csspart banner - The bar (`role="region"`).
 * @csspart heading - The banner's and the dialog's headings.
 * @csspart button - Every button; also `accept`, `reject`, `choose`, `turn-off`, `hide`, `save`, `close`.
 * @csspart link - Links ("View cookies", "change your cookie settings", privacy policies).
 * @csspart message - The confirmation after a choice.
 * @csspart dialog - The preferences `<dialog>`.
 * @csspart category - One category in the dialog; `fieldset`, `radio`, `details`, `table` inside it.
 * @fires consent-change - (from the controller) after the visitor chooses.
 */
export class ConsentBanner extends DrawnElement {
  static observedAttributes = ['placement'];

  /** `bottom` (default): a fixed bar. `top`: in the page flow, for a banner placed right after `<body>`. */
  get placement(): 'bottom' | 'top' {
    return this.getAttribute('placement') === 'top' ? 'top' : 'bottom';
  }
  set placement(value: 'bottom' | 'top') {
    this.setAttribute('placement', value);
  }

  private _view: View = 'hidden';
  /** The confirmation (or, while still asking, the notice) the bar shows. */
  private _message?: { key: StringKey; title?: string };
  private _dialogOpen = false;
  /** The bar shown again while the open dialog closes (see `_revealBar`). */
  private _revealed = false;
  /** Whether the dialog is drawn (its module keeps its place in the banner until it is removed). */
  private _dialogDrawn = false;

  private _controller?: ConsentController;
  private _opener?: HTMLElement;
  private _afterClose?: () => void;
  private _deciding = false;
  private _observed?: Element;
  private _resize = new ResizeObserver(() => {
    const bar = this._observed;
    if (bar) reserveBottom(Math.ceil(bar.getBoundingClientRect().height));
  });

  /** The last `[data-consent-open]` element clicked: Safari does not focus links on click. */
  private _clickedOpener?: HTMLElement;
  private _onClick = (event: Event) => {
    const opener = (event.target as Element | null)?.closest?.('[data-consent-open]');
    if (opener instanceof HTMLElement) this._clickedOpener = opener;
  };

  private _onOpen = () => {
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : this._clickedOpener;
    this._clickedOpener = undefined;
    this._openPreferences(opener);
  };

  private _onChange = () => {
    if (this._deciding || !this._controller) return;
    // A choice made elsewhere (another tab, the API, the cookies page) answers the question; a
    // reset, or a refusal the browser made for the visitor, asks it.
    if (asking(this._controller)) {
      if (this._view !== 'question') this._message = undefined;
      this._view = 'question';
    } else if (this._view === 'question') this._view = 'hidden';
    this.requestUpdate();
  };

  /** Picks up the running controller: at connection, or when the gate starts later (npm). */
  private _attach = () => {
    this._controller = runningController();
    this._view = this._controller?.catalogue && asking(this._controller) ? 'question' : 'hidden';
    this.requestUpdate();
  };

  connectedCallback(): void {
    // Light DOM: see the class comment.
    adoptDocumentStyles(bannerStyles);
    this.upgradeProperties(['placement']);
    this.placement = this.placement; // the attribute says `bottom` when it said nothing
    this.setAttribute('data-nosnippet', '');
    this._attach();
    document.addEventListener(READY_EVENT, this._attach);
    document.addEventListener('consent-open', this._onOpen);
    document.addEventListener('consent-change', this._onChange);
    document.addEventListener('click', this._onClick, true);
  }

  disconnectedCallback(): void {
    document.removeEventListener(READY_EVENT, this._attach);
    document.removeEventListener('consent-open', this._onOpen);
    document.removeEventListener('consent-change', this._onChange);
    document.removeEventListener('click', this._onClick, true);
    this._resize.disconnect();
    this._observed = undefined;
    reserveBottom(0);
  }

  /** Draws the bar and the dialog as they now are (`requestUpdate` calls it). */
  protected draw(): void {
    const ctx = this._context();
    this._drawBar(ctx && this._view !== 'hidden' ? this._renderBar(ctx) : undefined);
    if (choices && (this._dialogDrawn || this._dialogOpen)) {
      this._dialogDrawn = Boolean(ctx && this._dialogOpen);
      choices.renderDialog(this, ctx && this._dialogOpen ? this._dialogView(ctx) : undefined);
    }
    // Reserve the fixed bar's height while it is shown (see reserve-space.ts).
    const bar = (this.placement !== 'top' && this.querySelector('.cg-banner')) || undefined;
    if (bar === this._observed) return;
    this._resize.disconnect();
    this._observed = bar;
    if (bar) this._resize.observe(bar);
    else reserveBottom(0);
  }

  /** What the banner is drawn from, or undefined while nothing can be (no catalogue, or its language not yet here). */
  private _context(): Context | undefined {
    const catalogue = this._controller?.catalogue;
    if (!catalogue) return;
    const locale = localeOf(this, catalogue.texts);
    if (!localeReady(this, locale)) return;
    const details = siteDetails(catalogue, locale);
    return {
      catalogue,
      locale,
      t: translator(locale, catalogue.texts, { site: details.site }),
      site: details.site,
      cookiesPageUrl: details.cookiesPageUrl ?? details.policyUrl,
    };
  }

  /**
   * Puts `bar` in place of the bar shown (first in the banner, before the dialog): the bar shown is
   * changed only where it differs (`morph`), so a control that stays keeps its focus.
   */
  private _drawBar(bar?: HTMLElement): void {
    const old = this.querySelector<HTMLElement>(':scope > .cg-banner');
    if (old && bar) morph(old, bar);
    else if (bar) this.prepend(bar);
    else old?.remove();
  }

  /** Opens the preferences dialog; focus returns to `opener` when it closes without a choice. */
  private async _openPreferences(opener?: HTMLElement): Promise<void> {
    const catalogue = this._controller?.catalogue;
    if (this._dialogOpen || !catalogue) return;
    // The dialog opens once its questions and, in Welsh, the Welsh tables are here (never in
    // English meanwhile); at once when they already are.
    const pending = [pendingLocale(localeOf(this, catalogue.texts)), choices ? undefined : fetchChoices?.().catch(() => {})];
    if (pending.some(Boolean)) {
      await Promise.all(pending);
      if (this._dialogOpen) return;
    }
    if (!choices) return;
    adoptDocumentStyles(choices.styles);
    this._opener = opener;
    this._revealed = false;
    this._dialogOpen = true;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.querySelector('dialog');
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // The heading, not the first control: screen readers start from the title, and Tab then
    // walks the dialog from the top.
    this.querySelector<HTMLElement>('#cg-preferences-heading')?.focus();
  }

  private _closeDialog(then?: () => void): void {
    const dialog = this.querySelector('dialog');
    if (!dialog?.open) return then?.();
    this._afterClose = then;
    this._revealBar();
    dialog.close();
  }

  /**
   * Shows the bar again before the dialog closes (by a button or by Escape), so the browser's own
   * focus restoration can already land on "Choose cookies" rather than on nothing.
   */
  private _revealBar = () => {
    this._revealed = true;
    this.querySelector('.cg-banner')?.removeAttribute('data-behind-dialog');
  };

  /** Runs after the dialog closed, by a button or by Escape (which records nothing). */
  private _onDialogClose = async () => {
    const then = this._afterClose;
    this._afterClose = undefined;
    this._dialogOpen = false;
    this.requestUpdate();
    // The bar comes back first, so focus can return to its "Choose cookies" button.
    await this.updateComplete;
    if (then) then();
    else this._returnFocus();
  };

  private _returnFocus(): void {
    const opener = this._opener;
    this._opener = undefined;
    if (opener?.isConnected && opener.getClientRects().length) opener.focus();
    else this._focusPage();
  }

  /** Somewhere sensible that is not `<body>`: the page's main content, else its first heading. */
  private _focusPage(): void {
    const target =
      document.querySelector<HTMLElement>('main, [role="main"]') ??
      document.querySelector<HTMLElement>('h1') ??
      tabbables(document.body).find((el) => !this.contains(el));
    if (!target) return;
    if (!target.matches('a[href], button, input, select, textarea, summary, [tabindex]')) {
      target.setAttribute('tabindex', '-1');
      target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
    }
    target.focus({ preventScroll: true });
  }

  /**
   * Makes a decision through the controller, then shows what happened: a confirmation that takes
   * focus when the visitor answered the banner's question, else focus back where they were.
   */
  private async _decide(decision: () => unknown, message: StringKey, title?: string): Promise<void> {
    const controller = this._controller;
    if (!controller) return;
    const wasAsking = this._view === 'question';
    this._deciding = true;
    let applied: unknown;
    try {
      applied = await decision();
    } finally {
      this._deciding = false;
    }
    // A page listener may veto a decision (consent-before-change): then nothing changed.
    if (applied === false) return;
    this._message = { key: message, title };
    this._view = asking(controller) ? 'question' : 'message';
    this.requestUpdate();
    const focusMessage = async () => {
      await this.updateComplete;
      const target = this.querySelector<HTMLElement>(this._view === 'message' ? '.cg-message' : '.cg-notice');
      target?.focus({ preventScroll: true });
    };
    if (this._dialogOpen) {
      this._closeDialog(wasAsking ? focusMessage : () => this._returnFocus());
    } else {
      this._opener = undefined;
      await focusMessage();
    }
  }

  private _accept(method: 'banner' | 'preferences') {
    return this._decide(() => this._controller!.acceptAll(method), 'banner.accepted');
  }

  private _reject(method: 'banner' | 'preferences') {
    return this._decide(() => this._controller!.rejectAll(method), 'banner.rejected');
  }

  private _turnOff(category: Category, ctx: Context) {
    return this._decide(
      () => this._controller!.update({ [category.name]: false }, 'banner'),
      'banner.turnedOff',
      categoryTitle(category, ctx),
    );
  }

  /** Save: every category (and service asked about) as its radio says. */
  private _save(event: Event) {
    event.preventDefault();
    const controller = this._controller!;
    const answers = choices!.choicesFromForm(event.target as HTMLFormElement, controller.catalogue!);
    return this._decide(() => controller.update(answers, 'preferences'), 'banner.saved');
  }

  private _hide(): void {
    this._view = 'hidden';
    this._message = undefined;
    this.requestUpdate();
    this._focusPage();
  }

  /** Tab and Shift+Tab wrap inside the modal dialog instead of leaving for the browser's toolbar. */
  private _onDialogKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget as HTMLDialogElement;
    const items = tabbables(dialog);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !items.includes(active as HTMLElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  private _renderBar(ctx: Context): HTMLElement {
    const { t } = ctx;
    return h(
      'div',
      { class: 'cg-banner', part: 'banner', role: 'region', 'aria-label': t('banner.label'), lang: ctx.locale, 'data-behind-dialog': this._dialogOpen && !this._revealed },
      h('div', { class: 'cg-inner' }, [
        h('h2', { class: 'cg-heading', part: 'heading' }, t('banner.heading')),
        this._view === 'question' ? this._renderQuestion(ctx) : this._renderMessage(ctx),
      ]),
    );
  }

  private _renderQuestion(ctx: Context): Content {
    const { catalogue, t, locale } = ctx;
    const controller = this._controller!;
    const optional = catalogue.categories.filter((c) => !c.required);
    const asked = optional.filter((c) => c.basis !== EXCEPTION);
    const running = optional.filter((c) => c.basis === EXCEPTION && controller.allows(c.name));
    const purposes = asked.map((c) =>
      KNOWN.includes(c.name)
        ? t(`category.${c.name}.purpose` as StringKey)
        : t('category.other.purpose', { title: categoryTitle(c, ctx) }),
    );
    const others = [
      ...new Set(
        optional.flatMap((c) => c.services).filter((s) => s.provider !== catalogue.site).map((s) => localise(s.title, locale)),
      ),
    ];
    const and = t('list.and');
    const notice = this._message;
    const text = (content: Content) => h('p', { class: 'cg-text' }, content);
    const button = (part: string, label: string, onClick: (event: Event) => unknown, attributes = {}) =>
      h('button', { type: 'button', class: 'cg-button', part: `button ${part}`, ...attributes }, label, onClick);
    const secondary = { class: 'cg-button cg-secondary' };
    return [
      notice &&
        h('p', { class: 'cg-text cg-notice', part: 'message', role: 'alert', tabindex: '-1' }, t(notice.key, { title: notice.title ?? '' })),
      controller.record?.method === 'gpc' && text(t('banner.gpc')),
      text(t('banner.essential')),
      purposes.length > 0 &&
        text([
          t('banner.additional', { purposes: listOf(purposes, and) }),
          others.length > 0 && ` ${t('banner.thirdParties', { services: listOf(others, and) })}`,
        ]),
      // The site's own words where it gave them (they must say what it counts and that it can be
      // turned off); else ours.
      running.map((c) => text(c.description ? localise(c.description, locale) : t('banner.exception', { title: categoryTitle(c, ctx) }))),
      h('div', { class: 'cg-actions' }, [
        h('div', { class: 'cg-pair' }, [
          button('accept', t('banner.accept'), () => this._accept('banner'), { 'data-consent-action': 'accept' }),
          button('reject', t('banner.reject'), () => this._reject('banner'), { 'data-consent-action': 'reject' }),
        ]),
        button('choose', t('banner.choose'), (e) => this._openPreferences(e.currentTarget as HTMLElement), {
          ...secondary,
          'aria-haspopup': 'dialog',
        }),
        running.map((c) => button('turn-off', t('banner.turnOff', { title: categoryTitle(c, ctx) }), () => this._turnOff(c, ctx), secondary)),
        ctx.cookiesPageUrl && h('a', { class: 'cg-link', part: 'link', href: ctx.cookiesPageUrl }, t('banner.viewCookies')),
      ]),
    ];
  }

  private _renderMessage(ctx: Context): Content {
    const { t } = ctx;
    const message = this._message ?? { key: 'banner.saved' as StringKey };
    // "You can {link} at any time.": the link opens the preferences (start.ts delegates
    // [data-consent-open]); a modified click still goes to the cookies page.
    const [before, after = ''] = t('banner.changeSettings').split('{link}');
    const linkText = t('banner.changeSettingsLink');
    const link = ctx.cookiesPageUrl
      ? h('a', { class: 'cg-link', part: 'link', href: ctx.cookiesPageUrl, 'data-consent-open': true }, linkText)
      : linkText;
    return [
      h(
        'div',
        { class: 'cg-message', part: 'message', role: 'alert', tabindex: '-1' },
        h('p', { class: 'cg-text' }, [`${t(message.key, { title: message.title ?? '' })} ${before}`, link, after]),
      ),
      h(
        'div',
        { class: 'cg-actions' },
        h('button', { type: 'button', class: 'cg-button', part: 'button hide' }, t('banner.hide'), () => this._hide()),
      ),
    ];
  }

  /** The dialog's questions and handlers (drawn by `renderDialog`, with the questions). */
  private _dialogView(ctx: Context) {
    return {
      ...ctx,
      controller: this._controller!,
      save: (event: Event) => this._save(event),
      accept: () => this._accept('preferences'),
      reject: () => this._reject('preferences'),
      close: () => this._closeDialog(),
      cancel: this._revealBar,
      closed: this._onDialogClose,
      keydown: this._onDialogKeydown,
    };
  }
}
