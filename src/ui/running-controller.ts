import type { ConsentController } from '../consent/controller.js';

// The same key as CONTROLLER_KEY in consent/controller.ts (test/ui checks they agree). Read here
// without importing that module, which would pull the consent store and js-cookie into the UI
// bundle: the UI only ever talks to the controller the gate already runs.
const KEY = Symbol.for('consent-gate.controller');

/**
 * Fired on `document` once `startConsentGate` has a running controller (the same name as in
 * src/start.ts). Elements that connected earlier listen for it and render then.
 */
export const READY_EVENT = 'consent-ready';

/** The controller the page runs (set by `runConsentGate` in src/run.ts), or undefined before it starts. */
export function runningController(): ConsentController | undefined {
  return (globalThis as { [KEY]?: ConsentController })[KEY];
}
