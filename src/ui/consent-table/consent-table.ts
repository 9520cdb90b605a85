import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { cookieTable, setByParts, type CookieTableRow } from '../../catalogue/table.js';
import { localeOf, localeReady, localise } from '../../i18n/strings.js';
import { adoptDocumentStyles } from '../document-styles.js';
import { READY_EVENT, runningController } from '../running-controller.js';
import { tableStyles } from './consent-table.styles.js';

let instances = 0;

function setBy(row: CookieTableRow) {
  const { before, provider, after } = setByParts(row);
  return provider ? html`${before}<a href=${row.privacyUrl!}>${provider}</a>${after}` : before;
}

/**
 * The cookie table of a privacy notice, from the cookie catalogue: one accessible table per
 * category, with a caption, listing every cookie's name, purpose, expiry and who sets it (this
 * website, a provider on this website, or the provider on its own site, linked to its privacy
 * notice). English or Welsh, from the page's language. The content is the very model the
 * `consent-gate table` command prints (`cookieTable` in `src/catalogue/table.ts`), in the same
 * markup: a site can style both with one stylesheet (`.table-scroll`, `.cookie-table`).
 *
 * Renders in the light DOM, as part of the page: the page's own table styles apply. Each table
 * sits in a labelled region that scrolls sideways (and can be scrolled with the keyboard) when it
 * is wider than the screen. Content placed inside the element is for visitors without JavaScript
 * (paste the command's HTML there): the live table replaces it.
 *
 * @summary The privacy notice's cookie table, grouped by category, in English or Welsh.
 * @cssprop --consent-focus - Outline of the focused scroll region.
 */
export class ConsentTable extends LitElement {
  /** Show one category only (its name in the catalogue, e.g. `analytics`); all of them by default. */
  @property() category?: string;

  private _id = `cg-cookies-${++instances}`;
  private _warned?: string;
  private _onReady = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(READY_EVENT, this._onReady);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(READY_EVENT, this._onReady);
  }

  protected override createRenderRoot() {
    adoptDocumentStyles(tableStyles);
    // What the page put inside is the table for visitors without JavaScript (e.g. the command's
    // HTML output): the live table replaces it.
    this.replaceChildren();
    return this;
  }

  protected override render() {
    // Read at render, not at connection: an npm page may define the elements before it starts the
    // gate. Without a valid catalogue there is nothing to list (the gate has said why).
    const controller = runningController();
    const catalogue = controller?.catalogue;
    if (!catalogue) return nothing;
    const locale = localeOf(this, catalogue.texts) === 'cy' ? 'cy' : 'en-GB';
    if (!localeReady(this, locale)) return nothing;
    // The script tag's state carries the catalogue's fingerprint; with it comes its localStorage memo.
    const table = cookieTable(catalogue, locale, localise, { scriptTag: Boolean(controller.fingerprint) });
    const s = table.strings;
    const sections = table.sections.filter((section) => !this.category || section.category === this.category);
    if (!sections.length && this._warned !== this.category) {
      this._warned = this.category;
      console.error(
        `consent-gate: <consent-table category="${this.category}">: no such category in the cookie catalogue. Known: ${table.sections.map((x) => x.category).join(', ')}.`,
      );
    }
    const head = [s['table.name'], s['table.purpose'], s['table.expires'], s['table.setBy']];
    return sections.map((section) => {
      const id = `${this._id}-${section.category}`;
      return html`
        ${section.description ? html`<p>${section.description}</p>` : nothing}
        <div class="table-scroll" role="region" aria-labelledby=${id} tabindex="0" lang=${locale}>
          <table class="cookie-table">
            <caption id=${id}>${section.caption}</caption>
            <thead>
              <tr>${head.map((text) => html`<th scope="col">${text}</th>`)}</tr>
            </thead>
            <tbody>
              ${section.rows.length
                ? section.rows.map(
                    (row) => html`<tr>
                      <td><code>${row.name}</code></td>
                      <td>${row.purpose}</td>
                      <td>${row.expires}</td>
                      <td>${setBy(row)}</td>
                    </tr>`,
                  )
                : html`<tr><td colspan="4">${s['table.empty']}</td></tr>`}
            </tbody>
          </table>
        </div>
      `;
    });
  }
}
