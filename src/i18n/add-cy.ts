/**
 * Adds the built-in Welsh (cy) tables to the string lookup. The elements' registration modules
 * import it (npm: Welsh comes with any element); the script-tag build makes it a bundle of its
 * own, `consent-gate-ui-cy.min.js`, fetched only when an element is in Welsh.
 */
import { cy } from './cy.js';
import { cyExpiry, cyPresetTexts } from './cy-presets.js';
import { addBuiltInLocale } from './strings.js';

addBuiltInLocale('cy', { strings: cy, presetTexts: cyPresetTexts, expiry: cyExpiry });
