import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { runningController, type ConsentController } from '../../consent/controller.js';
import { localeOf, translator, type Translate } from '../../i18n/strings.js';
import { adoptDocumentStyles } from '../document-styles.js';
import { bannerStyles } from './consent-banner.styles.js';

type View = 'question' | 'accepted' | 'rejected' | 'hidden';

/**
 * The cookie banner: asks once, with equal-weight Accept and Reject buttons, then confirms.
 * Inserted automatically when the visitor has not chosen; a site may place it itself.
 *
 * @summary The first layer of the consent choice.
 * @cssprop --consent-background - Banner background.
 * @cssprop --consent-text - Banner text colour.
 * @cssprop --consent-border - Banner top border.
 * @cssprop --consent-button-background - Accept and Reject background (the same for both).
 * @cssprop --consent-button-text - Accept and Reject text colour.
 * @cssprop --consent-link - Link colour.
 * @cssprop --consent-focus - Focus highlight.
 * @cssprop --consent-font - Font family.
 */
export class ConsentBanner extends LitElement {
  /** `bottom` (default): a fixed bar. `top`: in the page flow, for a banner placed right after `<body>`. */
  @property({ reflect: true }) placement: 'bottom' | 'top' = 'bottom';

  @state() private _view: View = 'hidden';

  private _controller?: ConsentController;
  private _onOpen = () => this._show();
  private _onChange = () => {
    // A choice made elsewhere (preferences, another tab, the API) answers the question.
    if (this._view === 'question' && this._controller?.record) this._view = 'hidden';
  };

  // Light DOM: see the styles module for why.
  protected override createRenderRoot() {
    adoptDocumentStyles(bannerStyles);
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('data-nosnippet', '');
    this._controller = runningController();
    this._view = this._controller?.catalogue && !this._controller.record ? 'question' : 'hidden';
    document.addEventListener('consent-open', this._onOpen);
    document.addEventListener('consent-change', this._onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('consent-open', this._onOpen);
    document.removeEventListener('consent-change', this._onChange);
  }

  private _show(): void {
    this._view = 'question';
  }

  private async _choose(accept: boolean): Promise<void> {
    const controller = this._controller;
    if (!controller) return;
    if (accept) controller.acceptAll('banner');
    else controller.rejectAll('banner');
    this._view = accept ? 'accepted' : 'rejected';
    await this.updateComplete;
    this.querySelector<HTMLElement>('.cg-message')?.focus();
  }

  private _hide(): void {
    this._view = 'hidden';
    // Never leave focus on <body>: move it to the page's main content.
    const main = document.querySelector<HTMLElement>('main, [role="main"], h1');
    if (main) {
      if (!main.hasAttribute('tabindex')) {
        main.setAttribute('tabindex', '-1');
        main.addEventListener('blur', () => main.removeAttribute('tabindex'), { once: true });
      }
      main.focus();
    }
  }

  protected override render() {
    const catalogue = this._controller?.catalogue;
    this.hidden = this._view === 'hidden' || !catalogue;
    if (this.hidden || !catalogue) return nothing;
    const locale = localeOf(this);
    const t: Translate = translator(locale, catalogue.texts, { site: catalogue.site });
    const policy = catalogue.cookiesPageUrl ?? catalogue.policyUrl;
    const lang = locale === 'cy' ? 'cy' : 'en-GB';
    const pageLang = document.documentElement.lang;
    const body =
      this._view === 'question'
        ? html`
            <h2 class="cg-heading" id="cg-banner-heading">${t('banner.heading')}</h2>
            <p class="cg-text">${t('banner.essential')}</p>
            <p class="cg-text">${t('banner.additional')}</p>
            <div class="cg-actions">
              <button type="button" class="cg-button" data-consent-action="accept" @click=${() => this._choose(true)}>
                ${t('banner.accept')}
              </button>
              <button type="button" class="cg-button" data-consent-action="reject" @click=${() => this._choose(false)}>
                ${t('banner.reject')}
              </button>
              ${policy ? html`<a class="cg-link" href=${policy}>${t('banner.viewCookies')}</a>` : nothing}
            </div>
          `
        : html`
            <div class="cg-message" tabindex="-1" role="status">
              <p class="cg-text">
                ${t(this._view === 'accepted' ? 'banner.accepted' : 'banner.rejected')}
                ${t('banner.changeSettings')}
              </p>
            </div>
            <div class="cg-actions">
              <button type="button" class="cg-button" @click=${() => this._hide()}>${t('banner.hide')}</button>
            </div>
          `;
    return html`
      <div
        class="cg-banner"
        role="region"
        aria-label=${t('banner.label')}
        lang=${pageLang && pageLang.toLowerCase().startsWith(lang.slice(0, 2)) ? nothing : lang}
      >
        <div class="cg-inner">${body}</div>
      </div>
    `;
  }
}
