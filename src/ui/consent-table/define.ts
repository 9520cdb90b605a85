// All of English and Welsh come with every element on npm (the script-tag UI fetches them apart,
// when needed).
import '../../i18n/add-cy.js';
import '../../i18n/add-en.js';
import { ConsentTable } from './consent-table.js';

if (!customElements.get('consent-table')) customElements.define('consent-table', ConsentTable);

declare global {
  interface HTMLElementTagNameMap {
    'consent-table': ConsentTable;
  }
}
