/**
 * The script-tag bundle of the elements besides the banner (`consent-gate-ui-elements.min.js`):
 * `<consent-embed>`, `<consent-table>`, `<consent-preferences>`. consent-gate-ui.min.js fetches
 * it once one of them is in the page; it takes Lit and the shared modules from that bundle (see
 * rollup.config.js), so it carries neither.
 */
import { ConsentEmbed } from './consent-embed/consent-embed.js';
import { ConsentPreferences } from './consent-preferences/consent-preferences.js';
import { ConsentTable } from './consent-table/consent-table.js';

const elements = { 'consent-embed': ConsentEmbed, 'consent-table': ConsentTable, 'consent-preferences': ConsentPreferences };
for (const [tag, element] of Object.entries(elements)) if (!customElements.get(tag)) customElements.define(tag, element);
