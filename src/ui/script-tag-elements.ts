/**
 * The script-tag bundle of the UI drawn with Lit (`consent-gate-ui-elements.min.js`):
 * `<consent-table>`, `<consent-preferences>`, and the banner's preferences dialog with its
 * questions, with what only they need: Lit (the banner's first layer and `<consent-embed>`, in its
 * own bundle, are drawn without it), their stylesheet, the English beyond the banner's and the
 * presets' texts. consent-gate-core.min.js fetches it once one of
 * those elements is in the page, or when the dialog first opens; it takes the modules it shares
 * with the banner from that bundle (see rollup.config.js), so it carries no copies.
 */
import '../i18n/add-en.js'; // the English they show beyond the banner's
import { addPresetTexts } from '../catalogue/preset-texts.js';
import { choicesFromForm, renderDialog } from './category-choices.js';
import { choicesStyles } from './category-choices.styles.js';
import { provideCategoryChoices } from './consent-banner/consent-banner.js';
import { ConsentPreferences } from './consent-preferences/consent-preferences.js';
import { ConsentTable } from './consent-table/consent-table.js';
import { runningController } from './running-controller.js';

// The core validated the catalogue without the presets' texts (the banner's first layer shows
// none); these elements show them. The core defines the UI only once that catalogue is in force.
const catalogue = runningController()?.catalogue;
if (catalogue) addPresetTexts(catalogue);

const elements = { 'consent-table': ConsentTable, 'consent-preferences': ConsentPreferences };
provideCategoryChoices({ renderDialog, choicesFromForm, styles: choicesStyles });
for (const [tag, element] of Object.entries(elements)) if (!customElements.get(tag)) customElements.define(tag, element);
