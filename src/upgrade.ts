/**
 * The script tag's core (`src/script-tag-core.ts`) puts the validated catalogue in force with
 * this: the validator, the presets (without their texts, `preset-texts.ts`, which the elements
 * bundle adds), the decisions and consent receipts. It runs before any UI, before the first
 * decision, and on a page whose catalogue this browser has not validated yet; a returning
 * visitor's page the core takes over from the gate's short path runs on the catalogue expanded
 * without checks until then.
 */
import type { ConsentState } from './consent/controller.js';
import { decisions } from './consent/decisions.js';
import { startReceipts } from './consent/receipts.js';
import { writeRecord } from './consent/store.js';
import { checkCatalogue } from './catalogue/validate.js';
import type { Finding } from './catalogue/validate-messages.js';

/**
 * Validates the catalogue text and puts the validated catalogue (its presets without their texts)
 * in force for `state`, with the decisions and receipts. False when the catalogue is invalid:
 * then `reportRefusal` is given every problem found, for the console (the core fetches the
 * messages to say them). A stored choice made under an older fingerprint of a catalogue that is
 * still valid gets the current one, so the next page view takes the short path.
 */
export function upgrade(
  state: ConsentState,
  text: string,
  fingerprint: string,
  reportRefusal: (findings: Finding[]) => void,
): boolean {
  const result = checkCatalogue(text);
  if (!result.ok) {
    reportRefusal(result.findings);
    return false;
  }
  const { catalogue } = result;
  state.fingerprint = fingerprint;
  state.decisions = decisions;
  // First configuration (a page this browser had not validated), or the full catalogue in place
  // of the short path's (which re-reads the choice, applying any change made meanwhile elsewhere).
  state.configure(catalogue);
  startReceipts(state); // reads the receipts URL from the catalogue just configured
  const record = state.record;
  if (record && record.fingerprint !== fingerprint) {
    writeRecord(catalogue, { ...record, fingerprint });
    state.refresh(); // the same choice: adopted without a consent-change
  }
  return true;
}
