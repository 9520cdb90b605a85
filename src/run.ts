/**
 * Running consent-gate on a page once its catalogue is in force: Consent Mode, tab sync, Global
 * Privacy Control, the gate, and the UI when something must be shown. Shared by the npm entry
 * (`start.ts`, after validating) and the script tag's core (`script-tag-core.ts`, which may skip
 * validation for a catalogue this browser validated before). Nothing here validates or decides by itself.
 */
import { CONTROLLER_KEY, type ConsentState } from './consent/controller.js';
import { startTabSync } from './consent/sync.js';
import { startConsentMode, type ConsentModeSent } from './gate/consent-mode.js';
import type { GateTrace, GateTraceEvent, startDebug } from './gate/debug.js';
import { reserveEmbedSpace } from './gate/embed-space.js';
import { startGate, type GateOptions } from './gate/gate.js';
import { whenUIElementsAppear } from './gate/ui-elements.js';
import { debugAsked, openerClicked, READY_EVENT } from './page-hooks.js';

export interface StartOptions extends GateOptions {
  /** Makes the UI elements available (the script tag's core defines them here). */
  loadUI?: () => Promise<unknown>;
  /**
   * Logs decisions, gated elements, cookie sweeps and undeclared cookies to the console, as
   * `?consent-debug` in the page's URL does.
   */
  debug?: boolean;
  /** Fetches the debug aid (kept out of the gate bundle); set by the entries. */
  loadDebug?: () => Promise<{ startDebug: typeof startDebug }>;
}

/** Once the page is parsed: then whether it holds a cookies page's settings is known. */
function whenParsed(): Promise<HTMLElement> {
  if (document.body && document.readyState !== 'loading') return Promise.resolve(document.body);
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(document.body), { once: true }),
  );
}

/**
 * Runs `task` once, in a task of its own after the next frame is drawn: one queued with a bare
 * `setTimeout` may still run inside that frame and lengthen it. (A hidden tab draws no frames:
 * then after 500 ms.)
 */
export function afterFrame(task: () => void): void {
  let done = false;
  const once = () => done || ((done = true), task());
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 500);
}

/**
 * Resolves in a task of its own, at once where the browser has `scheduler.yield()` (Chromium
 * 129+, Firefox 142+): work split at it makes shorter tasks, between which the browser can handle
 * input, without waiting for a frame (a frame drawn between them would put the banner off by
 * it). Elsewhere in a microtask, as before: the same task.
 */
export const nextTask = (): Promise<void> =>
  (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler?.yield?.() ?? Promise.resolve();

/**
 * Runs the gate for `consent`, already configured with a catalogue. `sent`: what the script tag's
 * first file did already (see `ConsentModeSent`): pushed Consent Mode's default while the
 * catalogue is validated ('default'), or ran a returning visitor's page by itself ('stored': the
 * default and the stored choice are pushed, and `consent-ready` was announced).
 */
export function runConsentGate(consent: ConsentState, options: StartOptions = {}, sent?: ConsentModeSent): void {
  const catalogue = consent.catalogue!;
  (globalThis as { [CONTROLLER_KEY]?: ConsentState })[CONTROLLER_KEY] = consent;
  // Elements already on the page (an npm site defines them on import, before this runs) found no
  // controller when they connected: tell them it is running (see src/ui/running-controller.ts).
  if (sent !== 'stored') document.dispatchEvent(new Event(READY_EVENT));
  // Consent Mode's default (and a stored choice's update) goes into the dataLayer before any gated
  // tag can run; tab sync subscribes before Global Privacy Control makes its decision (which it
  // tells the other tabs), and opens its channel after this frame (see sync.ts); the gate starts
  // last, from the choice in force.
  startConsentMode(consent, sent);
  startTabSync(consent, afterFrame);
  consent.applyGlobalPrivacyControl();
  let trace = options.trace;
  if (debugAsked(options.debug) && options.loadDebug) {
    // Whatever the gate does before the debug aid arrives is replayed to it.
    const earlier: GateTraceEvent[] = [];
    let sink: GateTrace = (...event) => earlier.push(event);
    trace = (...event) => sink(...event);
    options.loadDebug().then(
      (debug) => (sink = debug.startDebug(consent, earlier)),
      (error) => console.error('consent-gate: could not load the debug aid.', error),
    );
  }
  // While the banner asks, the gate has little to run (a statistical exception's scripts at most:
  // no choice allows anything else) and starts after the next frame, so that the banner's tasks
  // come first (it is drawn one task after this, `loadUI`; should a frame be drawn in between,
  // the gate may start before it, which changes nothing the visitor sees); at once otherwise.
  // (A hidden tab has no frames: then a timer.)
  const gate = () => startGate(consent, { ...options, trace });
  if (consent.awaitingChoice) afterFrame(gate);
  else gate();

  reserveEmbedSpace(catalogue);
  let ui: Promise<unknown> | undefined;
  const loadUI = () => (ui ??= Promise.resolve(options.loadUI?.()));
  consent.showUI = (view) => {
    whenParsed()
      .then((body) => {
        // A site may place <consent-banner> itself (e.g. right after <body>); otherwise it goes
        // first in <body> so it comes first in the tab order. The cookies page asks the question
        // with its own <consent-preferences>: no banner there (unless asked for the dialog).
        const cookiesPage = view === 'banner' && document.querySelector('consent-preferences');
        if (!document.querySelector('consent-banner') && !cookiesPage) body.prepend(document.createElement('consent-banner'));
        return loadUI();
      })
      .then(() => {
        if (view === 'preferences') document.dispatchEvent(new Event('consent-open'));
      });
  };
  // Embeds, cookie tables and the cookies page's settings are drawn by the UI too.
  whenUIElementsAppear(loadUI);

  // Delegated, so links added to the page later work too.
  document.addEventListener('click', (event) => openerClicked(event) && consent.open());

  if (consent.awaitingChoice) consent.showUI('banner');
  // A reset (here or in another tab) asks again.
  consent.subscribe(({ method }) => {
    if (method === 'reset' && consent.awaitingChoice) consent.showUI?.('banner');
  });
}
