/**
 * Starting consent-gate from the npm package: validate the catalogue, read the stored choice, run
 * the gate (`run.ts`) and show the UI when something must be shown. The script tag has its own
 * start (`script-tag.ts`), which can skip validation for a returning visitor.
 */
import { validCatalogue } from './catalogue/validate.js';
import { ConsentController } from './consent/controller.js';
import { startReceipts } from './consent/receipts.js';
import { runConsentGate, type StartOptions } from './run.js';

export type { StartOptions } from './run.js';

/** The page's consent state and actions (`window.consentGate` for script-tag users). */
export const consent = new ConsentController();

/**
 * Starts the gate with a catalogue (an object or JSON text). Returns false, after a console
 * error naming every problem, when the catalogue is invalid: then nothing non-essential runs.
 */
export function startConsentGate(catalogueInput: unknown, options: StartOptions = {}): boolean {
  if (consent.catalogue) {
    console.error('consent-gate: already started on this page; the second catalogue was ignored.');
    return false;
  }
  const catalogue = validCatalogue(catalogueInput);
  if (!catalogue) return false;
  consent.configure(catalogue);
  startReceipts(consent);
  runConsentGate(consent, options);
  return true;
}
