// All of English and Welsh come with every element on npm (the script-tag UI fetches them apart,
// when needed).
import '../../i18n/add-cy.js';
import '../../i18n/add-en.js';
import { ConsentPreferences } from './consent-preferences.js';

if (!customElements.get('consent-preferences')) customElements.define('consent-preferences', ConsentPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'consent-preferences': ConsentPreferences;
  }
}
