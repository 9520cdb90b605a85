// Welsh comes with every element on npm (the script-tag UI fetches it apart, when needed).
import '../../i18n/add-cy.js';
import { ConsentTable } from './consent-table.js';

if (!customElements.get('consent-table')) customElements.define('consent-table', ConsentTable);

declare global {
  interface HTMLElementTagNameMap {
    'consent-table': ConsentTable;
  }
}
