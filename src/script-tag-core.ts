/**
 * The rest of the script-tag gate (`consent-gate-core.min.js`): the consent state with its
 * reactions to a change, the validator's checks (its messages are fetched for a refused
 * catalogue, `reportRefusal`) and the presets (their texts come with the elements), the decisions
 * and receipts, the cookie sweep, tab sync, Global Privacy Control, the debug aid's
 * host, and the UI's first layer (the banner, drawn without Lit, and its English). `consent-gate.min.js`
 * (`src/script-tag.ts`) runs a returning visitor's page by itself and fetches this file only when more is needed: a page it cannot run by itself (a first
 * visit, a changed catalogue…), an element to draw, a decision, a change made in another tab,
 * cookies to sweep. It hands its work over with `take`.
 *
 * One file rather than three (core, validator, UI), measured: a first visit fetches one file after
 * the gate instead of three, in one round trip instead of two, 2.0 KB brotli less (one copy of the
 * modules they shared, one compression window). The UI is defined only when something must be
 * shown (`startUI`); its Welsh tables and other elements are fetched from beside this file when
 * wanted (see `src/ui/script-tag.ts`).
 */
import { DEBUG_INTEGRITY, ERRORS_INTEGRITY } from './bundle-integrity.js';
import { CORE_KEY, DEBUG_KEY, ERRORS_KEY, handedOver } from './bundle-keys.js';
import { INVALID_CATALOGUE, type Finding } from './catalogue/validate-messages.js';
import { GATE_PRESETS } from './catalogue/preset-cookies.js';
import { expand } from './catalogue/resolve.js';
import { ConsentState } from './consent/controller.js';
import { clearRecord, readRecord } from './consent/store.js';
import type { ConsentRecord } from './consent/record.js';
import type { ScriptActivator } from './gate/activate.js';
import type { ConsentModeSent } from './gate/consent-mode.js';
import { loadBeside } from './load-beside.js';
import { rememberShortPath } from './gate/short-path.js';
import type { ErrorsBundle } from './errors-tag.js';
import { afterFrame, nextTask, runConsentGate, type StartOptions } from './run.js';
import { startUI } from './ui/script-tag.js';
import { upgrade as validateAndUpgrade } from './upgrade.js';

/** What `consent-gate.min.js` hands over, with the page. */
export interface Handover {
  /** The script tag (its `src`, nonce and `integrity` are those of the bundles fetched beside it). */
  self: HTMLScriptElement;
  /** The catalogue's text and its `catalogueFingerprint`. */
  text: string;
  fingerprint: string;
  debug: boolean;
  /**
   * The stored choice the first file runs the page's gate from (its short path: the memo this file
   * wrote for this catalogue text and cookie, see `src/gate/short-path.ts`), or undefined: then
   * this file validates first (`upgrade`).
   */
  inForce?: ConsentRecord;
  /** The first file's activator, with any scripts it still holds queued. */
  activator: ScriptActivator;
  /** Makes `state` the page's `window.consentGate` and stops the first file's own watchers. */
  adopt(state: ConsentState): void;
}

/**
 * Says why the catalogue was refused: its messages come from beside this file, so a first visit
 * does not download them (−674 B brotli here; the file is 1.5 KB). Should that fail (not there,
 * or not that file: a host may answer a missing file with a page), the console still names each
 * path, with its code.
 */
function reportRefusal(self: HTMLScriptElement, findings: Finding[]): void {
  loadBeside(self, 'consent-gate-errors.min.js', ERRORS_INTEGRITY)
    .then(() => handedOver<ErrorsBundle>(ERRORS_KEY).report(findings))
    .catch(() =>
      console.error(`${INVALID_CATALOGUE} (${findings.map((f) => `${f.path}: ${f.code}`).join('; ')}).`),
    );
}

/**
 * Takes over the page from `consent-gate.min.js`; returns the state now in force (once the
 * catalogue is validated, unless the first file's short path already runs the page).
 */
export function take(handover: Handover): ConsentState | Promise<ConsentState> {
  const { self, text, fingerprint, inForce } = handover;
  const consent = new ConsentState();
  consent.fingerprint = fingerprint;
  // The next view's short path follows every change of the choice in force (see short-path.ts).
  const remember = () => rememberShortPath(consent);
  consent.subscribe(remember);
  let full: Promise<boolean> | undefined;
  /**
   * Validates and puts the full catalogue and the decisions in force (once; false when invalid).
   * In a task of its own where the browser can yield (`nextTask`), as the UI's first drawing is
   * (`loadUI`): the task that evaluates this file also runs the take-over (the gate's `onload`),
   * and the three together made one long task on a first visit (≈55 ms at 4× CPU, traced;
   * README, "Three tasks, not one").
   */
  const upgrade = () =>
    (full ??= nextTask().then(() => {
      const ok = validateAndUpgrade(consent, text, fingerprint, (findings) => reportRefusal(self, findings));
      // Upgrade may have resealed the choice for this catalogue text. With no choice (a first
      // visit) there is only an old memo to remove, and a page view's first touch of storage is
      // slow (≈7 ms at 4× CPU, profiled): it is done after the next frame, as the gate is
      // started (`afterFrame`; see run.ts). An old memo holds only for the very cookie it was
      // written for (none here), and `remember` reads the state when it runs: a choice made
      // meanwhile is what it writes.
      if (consent.awaitingChoice) afterFrame(remember);
      else remember();
      return ok;
    }));
  const options: StartOptions = {
    // run.ts calls it once; the banner's first drawing is a task of its own too (`nextTask`).
    loadUI: async () => {
      if (!(await upgrade())) return;
      await nextTask();
      startUI(self);
    },
    loadDebug: () =>
      loadBeside(self, 'consent-gate-debug.min.js', DEBUG_INTEGRITY).then(() =>
        handedOver<typeof import('./gate/debug.js')>(DEBUG_KEY),
      ),
    debug: handover.debug,
    activator: handover.activator,
  };
  consent.loadDecisions = () => upgrade().then((ok) => (ok ? consent.decisions : undefined));
  // The first file pushed Consent Mode's default (when the catalogue has it on: it reads that as
  // the expansion does, `consentModeBasics`); on its short path also the stored choice, and it
  // announced `consent-ready`.
  const sent: ConsentModeSent = inForce ? 'stored' : 'default';

  if (inForce) {
    // Expanded without checks or texts: this text passed this version's validator when the choice
    // was stored (the memo is written only for a choice sealed for it).
    const catalogue = expand(JSON.parse(text), GATE_PRESETS);
    consent.configure(catalogue, inForce);
    // The cookie the memo stood for, gone or changed since the first file compared it, and one the
    // strict reader refuses, is forgotten, so the next view asks again: the refresh below withdraws
    // what it allowed (at most one reload), once.
    if (!readRecord(catalogue, fingerprint)) clearRecord(catalogue);
    handover.adopt(consent);
    runConsentGate(consent, options, sent);
    consent.refresh(); // what brought this file may be a change made in another tab
    remember();
    return consent;
  }
  // The page's calls wait on the first file's `window.consentGate` until the catalogue is in
  // force: validation is a task of its own (`nextTask`), and a `reset()` or `open()` answered by a
  // state with no catalogue would be lost.
  return upgrade().then((ok) => {
    handover.adopt(consent);
    if (ok) runConsentGate(consent, options, sent);
    return consent;
  });
}

export type CoreBundle = { take: typeof take };

(globalThis as Record<symbol, CoreBundle>)[Symbol.for(CORE_KEY)] = { take };
