// All of English and Welsh come with every element on npm (the script-tag UI fetches them apart,
// when needed).
import '../../i18n/add-cy.js';
import '../../i18n/add-en.js';
import { choicesFromForm, renderDialog } from '../category-choices.js';
import { choicesStyles } from '../category-choices.styles.js';
import { ConsentBanner, provideCategoryChoices } from './consent-banner.js';

// The dialog's questions too (the script-tag UI fetches them when the dialog first opens).
provideCategoryChoices({ renderDialog, choicesFromForm, styles: choicesStyles });
if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
  }
}
