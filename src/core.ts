/**
 * `consent-gate/core`: the catalogue, the consent store and the gate, with no Lit and no UI.
 * For sites that bring their own UI, or load ours later.
 */
export { consent, startConsentGate, type StartOptions } from './start.js';
export { ConsentController, type ConsentListener } from './consent/controller.js';
export { ConsentChangeEvent } from './consent/events.js';
export type { ConsentMethod, ConsentRecord } from './consent/record.js';
export { parseCatalogue, formatProblems } from './catalogue/validate.js';
export { PRESETS } from './catalogue/presets.js';
export type * from './catalogue/types.js';
