/**
 * The script-tag UI bundle (`consent-gate-ui.min.js`), loaded by the gate when something must be
 * shown: Lit, `<consent-banner>`, and the English strings. From beside itself, the way the gate
 * loads it, it fetches:
 *  - `consent-gate-ui-cy.min.js` (the Welsh tables) the first time an element is in Welsh; the
 *    element draws nothing until they are here, so a Welsh page never shows English;
 *  - `consent-gate-ui-elements.min.js` (`<consent-embed>`, `<consent-table>`,
 *    `<consent-preferences>`, and the questions of the banner's preferences dialog) once one of
 *    those elements is in the page, also one added later, or when the dialog first opens.
 * Both use this bundle's Lit and modules, handed over under `SHARED_KEY`: they carry no copies.
 */
import { whenUIElementsAppear } from '../gate/ui-elements.js';
import { setLocaleLoader } from '../i18n/strings.js';
import { loadBeside } from '../load-beside.js';
import { CY_INTEGRITY, ELEMENTS_INTEGRITY } from './bundle-integrity.js';
import { ConsentBanner, provideCategoryChoices } from './consent-banner/consent-banner.js';
import { SHARED, SHARED_KEY } from './shared.js';

const self = document.currentScript as HTMLScriptElement; // loaded by the core with a script tag
(globalThis as Record<symbol, typeof SHARED>)[SHARED_KEY] = SHARED;

// Welsh is the one built-in locale that comes apart.
setLocaleLoader(() => loadBeside(self, 'consent-gate-ui-cy.min.js', CY_INTEGRITY));
let elements: Promise<void> | undefined;
const fetchElements = () => (elements ??= loadBeside(self, 'consent-gate-ui-elements.min.js', ELEMENTS_INTEGRITY));
provideCategoryChoices(undefined, fetchElements);
if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);
whenUIElementsAppear(() => fetchElements().catch(() => {}));
