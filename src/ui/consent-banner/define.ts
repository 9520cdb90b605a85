// Welsh comes with every element on npm (the script-tag UI fetches it apart, when needed).
import '../../i18n/add-cy.js';
import { ConsentBanner } from './consent-banner.js';

if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
  }
}
