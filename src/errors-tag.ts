/**
 * The script-tag bundle of the validator's messages (`consent-gate-errors.min.js`): fetched by the
 * core only for a catalogue its checks refused, to say why (`src/catalogue/validate-messages.ts`).
 * It hands `report` to the core under a shared key, because an IIFE cannot export.
 */
import { ERRORS_KEY } from './bundle-keys.js';
import { describeFinding, invalidCatalogue, type Finding } from './catalogue/validate-messages.js';

/** Logs the console error naming every problem the checks found. */
const report = (findings: readonly Finding[]) => console.error(invalidCatalogue(findings.map(describeFinding)));

export type ErrorsBundle = { report: typeof report };

(globalThis as Record<symbol, ErrorsBundle>)[Symbol.for(ERRORS_KEY)] = { report };
