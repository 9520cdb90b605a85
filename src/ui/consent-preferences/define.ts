import { ConsentPreferences } from './consent-preferences.js';

if (!customElements.get('consent-preferences')) customElements.define('consent-preferences', ConsentPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'consent-preferences': ConsentPreferences;
  }
}
