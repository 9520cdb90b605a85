// Welsh comes with every element on npm (the script-tag UI fetches it apart, when needed).
import '../../i18n/add-cy.js';
import { choicesFromForm, renderCategory } from '../category-choices.js';
import { ConsentBanner, provideCategoryChoices } from './consent-banner.js';

// The dialog's questions too (the script-tag UI fetches them when the dialog first opens).
provideCategoryChoices({ renderCategory, choicesFromForm });
if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
  }
}
