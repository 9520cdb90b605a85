/**
 * The script tag's UI, part of `consent-gate-core.min.js`: `<consent-banner>` (drawn without Lit)
 * and the English strings of its first layer come with the core, so a first visit fetches one file
 * after the gate. `startUI` defines the banner when something must first be shown, and from then
 * on fetches, from beside the core:
 *  - `consent-gate-ui-cy.min.js` (the Welsh tables) the first time an element is in Welsh; the
 *    element draws nothing until they are here, so a Welsh page never shows English;
 *  - `consent-gate-ui-embed.min.js` (`<consent-embed>`, drawn without Lit, and its English) once
 *    an embed is in the page, also one added later;
 *  - `consent-gate-ui-elements.min.js` (`<consent-table>`, `<consent-preferences>`, the banner's
 *    preferences dialog with its questions, and Lit) once a table or the cookies page's settings
 *    are in the page, also added later, or when the dialog first opens.
 * All use the core's modules, handed over under `SHARED_KEY`: they carry no copies.
 */
import { whenUIElementsAppear } from '../gate/ui-elements.js';
import { setLocaleLoader } from '../i18n/strings.js';
import { loadBeside } from '../load-beside.js';
import { CY_INTEGRITY, ELEMENTS_INTEGRITY, EMBED_INTEGRITY } from './bundle-integrity.js';
import { ConsentBanner, provideCategoryChoices } from './consent-banner/consent-banner.js';
import { SHARED, SHARED_KEY } from './shared.js';

/** Defines the UI for a page (once), its sibling bundles fetched from beside `self`, the core's script tag. */
export function startUI(self: HTMLScriptElement): void {
  if (customElements.get('consent-banner')) return;
  (globalThis as Record<symbol, typeof SHARED>)[SHARED_KEY] = SHARED;
  // Welsh is the one built-in locale that comes apart.
  setLocaleLoader(() => loadBeside(self, 'consent-gate-ui-cy.min.js', CY_INTEGRITY));
  let elements: Promise<void> | undefined;
  const fetchElements = () => (elements ??= loadBeside(self, 'consent-gate-ui-elements.min.js', ELEMENTS_INTEGRITY));
  provideCategoryChoices(undefined, fetchElements);
  customElements.define('consent-banner', ConsentBanner);
  whenUIElementsAppear(() => fetchElements().catch(() => {}), 'consent-table,consent-preferences');
  whenUIElementsAppear(() => loadBeside(self, 'consent-gate-ui-embed.min.js', EMBED_INTEGRITY).catch(() => {}), 'consent-embed');
}
