import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localeOf, localeReady, siteDetails, translator } from '../../i18n/strings.js';
import { choicesFromForm, renderCategory } from '../category-choices.js';
import { choicesStyles } from '../category-choices.styles.js';
import { bannerStyles } from '../consent-banner/consent-banner.styles.js';
import { adoptDocumentStyles } from '../document-styles.js';
import { READY_EVENT, runningController } from '../running-controller.js';
import { preferencesStyles } from './consent-preferences.styles.js';

/** The page the visitor came from, on this site (and not this page itself), if the browser says. */
function referringPage(): string | undefined {
  try {
    const from = new URL(document.referrer);
    const here = new URL(location.href);
    if (from.origin !== here.origin || from.pathname + from.search === here.pathname + here.search) return undefined;
    return from.href;
  } catch {
    return undefined;
  }
}

/**
 * The cookie settings of a cookies page, in the GOV.UK cookies-page pattern: every category with
 * its description, its services and their cookies, and a Yes/No question per optional category
 * (and per service where a category has several: a parent may allow YouTube but not Facebook) —
 * No on the first visit, the stored choice afterwards — then **Save cookie settings**. After
 * saving, a notification takes focus, with a link back to the page the visitor came from. The
 * banner is not shown on a page that holds this element: the page asks the question itself.
 *
 * The same questions, in the same words, as the banner's preferences dialog; it renders in the
 * light DOM with the banner's stylesheet, and keeps the page's font and text colour.
 *
 * Without JavaScript it renders nothing: put a `<noscript>` message beside it (see the README).
 *
 * @summary The cookies page: Yes/No per category and per service, Save, and a success notification.
 * @cssprop --consent-button-background - The Save button's background, and the notification's border.
 * @cssprop --consent-button-text - The Save button's text colour.
 * @cssprop --consent-button-shadow - The Save button's bottom edge.
 * @cssprop --consent-border - Rules between categories and around services.
 * @cssprop --consent-link - Link and disclosure colour.
 * @cssprop --consent-focus - Focus highlight.
 * @cssprop --consent-focus-text - Text on the focus highlight.
 * @csspart notification - The success notification after Save (`role="alert"`).
 * @csspart category - One category; `fieldset`, `radio`, `details`, `table` and `link` inside it.
 * @csspart button - The Save button; also `save`.
 * @fires consent-change - (from the controller) after Save.
 */
export class ConsentPreferences extends LitElement {
  /** The level of the categories' headings: 2 (default) under the page's `<h1>`, 3 under an `<h2>`. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Shows the notification; toggled off and on for each Save, so it is announced again. */
  @state() private _saved = false;

  private _back?: string;
  // A choice made elsewhere (the banner on another page, another tab, the API) shows here.
  private _onChange = () => this.requestUpdate();

  // Light DOM, like the banner: the banner's base sheet and the questions' sheet, as its dialog has.
  protected override createRenderRoot() {
    adoptDocumentStyles(bannerStyles);
    adoptDocumentStyles(choicesStyles);
    adoptDocumentStyles(preferencesStyles);
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._back = referringPage();
    document.addEventListener('consent-change', this._onChange);
    document.addEventListener(READY_EVENT, this._onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('consent-change', this._onChange);
    document.removeEventListener(READY_EVENT, this._onChange);
  }

  private async _save(event: Event): Promise<void> {
    event.preventDefault();
    const controller = runningController();
    if (!controller?.catalogue) return;
    this._saved = false;
    const choices = choicesFromForm(event.target as HTMLFormElement, controller.catalogue);
    // A page listener may veto the decision (consent-before-change): then nothing was saved.
    if (!(await controller.update(choices, 'preferences'))) return;
    await this.updateComplete;
    this._saved = true;
    await this.updateComplete;
    const notification = this.querySelector<HTMLElement>('.cg-notification');
    notification?.scrollIntoView({ block: 'nearest' });
    notification?.focus({ preventScroll: true });
  }

  protected override render() {
    // Read at render: an npm page may define the elements before it starts the gate.
    const controller = runningController();
    const catalogue = controller?.catalogue;
    if (!controller || !catalogue) return nothing;
    const locale = localeOf(this, catalogue.texts);
    if (!localeReady(this, locale)) return nothing;
    const t = translator(locale, catalogue.texts, { site: siteDetails(catalogue, locale).site });
    const ctx = { catalogue, controller, locale, t };
    return html`
      ${this._saved
        ? html`<div class="cg-notification" part="notification" role="alert" tabindex="-1" lang=${locale}>
            <p class="cg-text">${t('banner.saved')}</p>
            ${this._back
              ? html`<p class="cg-text"><a class="cg-link" part="link" href=${this._back}>${t('cookiesPage.back')}</a></p>`
              : nothing}
          </div>`
        : nothing}
      <form class="cg-form" lang=${locale} @submit=${this._save}>
        ${catalogue.categories.map((category) => renderCategory(category, ctx, this.headingLevel))}
        <div class="cg-actions">
          <button type="submit" class="cg-button" part="button save">${t('preferences.save')}</button>
        </div>
      </form>
    `;
  }
}
