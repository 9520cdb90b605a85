// All of English and Welsh come with every element on npm (the script-tag UI fetches them apart,
// when needed).
import '../../i18n/add-cy.js';
import '../../i18n/add-en.js';
import { ConsentEmbed } from './consent-embed.js';

if (!customElements.get('consent-embed')) customElements.define('consent-embed', ConsentEmbed);

declare global {
  interface HTMLElementTagNameMap {
    'consent-embed': ConsentEmbed;
  }
}
