// Welsh comes with every element on npm (the script-tag UI fetches it apart, when needed).
import '../../i18n/add-cy.js';
import { ConsentPreferences } from './consent-preferences.js';

if (!customElements.get('consent-preferences')) customElements.define('consent-preferences', ConsentPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'consent-preferences': ConsentPreferences;
  }
}
