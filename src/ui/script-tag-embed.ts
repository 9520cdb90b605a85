/**
 * The script-tag bundle of `<consent-embed>` (`consent-gate-ui-embed.min.js`): the element (drawn
 * without Lit), its providers, its stylesheet and the English of its placeholder.
 * consent-gate-core.min.js fetches it once an embed is in the page (also one added later); it takes
 * the modules it shares with the banner from that bundle (see rollup.config.js), so it carries no
 * copies, and a page whose only element is an embed downloads neither Lit nor the elements bundle.
 */
import { enEmbed } from '../i18n/en-GB-embed.js';
import { addEnglish } from '../i18n/strings.js';
import { ConsentEmbed } from './consent-embed/consent-embed.js';

addEnglish(enEmbed);
if (!customElements.get('consent-embed')) customElements.define('consent-embed', ConsentEmbed);
