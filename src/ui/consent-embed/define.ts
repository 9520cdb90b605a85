import { ConsentEmbed } from './consent-embed.js';

if (!customElements.get('consent-embed')) customElements.define('consent-embed', ConsentEmbed);

declare global {
  interface HTMLElementTagNameMap {
    'consent-embed': ConsentEmbed;
  }
}
