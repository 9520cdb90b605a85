// Welsh comes with every element on npm (the script-tag UI fetches it apart, when needed).
import '../../i18n/add-cy.js';
import { ConsentEmbed } from './consent-embed.js';

if (!customElements.get('consent-embed')) customElements.define('consent-embed', ConsentEmbed);

declare global {
  interface HTMLElementTagNameMap {
    'consent-embed': ConsentEmbed;
  }
}
