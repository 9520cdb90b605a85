/**
 * `consent-gate/core`: the catalogue, the consent store and the gate, with no Lit and no UI.
 * For sites that bring their own UI, or load ours later.
 */
import { startConsentGate as start, type StartOptions } from './start.js';

export { consent, type StartOptions } from './start.js';
export { ConsentController, type ConsentListener } from './consent/controller.js';
export { ConsentChangeEvent } from './consent/events.js';
export type { ConsentMethod, ConsentRecord } from './consent/record.js';
export { parseCatalogue, formatProblems } from './catalogue/validate.js';
export { PRESETS } from './catalogue/presets.js';
export type * from './catalogue/types.js';

/**
 * Starts the gate with a catalogue (an object or JSON text). Returns false, after a console
 * error naming every problem, when the catalogue is invalid: then nothing non-essential runs.
 * With `debug: true` or `?consent-debug` in the page's URL, the debug aid (a separate chunk,
 * fetched only then) logs what the gate decides and does.
 */
export function startConsentGate(catalogueInput: unknown, options: StartOptions = {}): boolean {
  return start(catalogueInput, { loadDebug: () => import('./gate/debug.js'), ...options });
}
