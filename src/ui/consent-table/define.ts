import { ConsentTable } from './consent-table.js';

if (!customElements.get('consent-table')) customElements.define('consent-table', ConsentTable);

declare global {
  interface HTMLElementTagNameMap {
    'consent-table': ConsentTable;
  }
}
