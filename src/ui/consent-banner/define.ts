import { ConsentBanner } from './consent-banner.js';

if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
  }
}
