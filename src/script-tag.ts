/**
 * The script-tag build (`consent-gate.min.js`): runs the gate synchronously from the page's
 * `<head>` with the catalogue named by its own `data-catalogue` attribute. It fetches the rest
 * of the library from beside itself only when needed:
 *  - `consent-gate-full.min.js` (validator, presets' texts, decisions, receipts): on a page whose
 *    catalogue text this browser has not validated before, before any UI and before the first
 *    decision. A returning visitor whose stored choice carries the fingerprint of this very
 *    catalogue text (`catalogueFingerprint`) gets the gate without it: the text passed this
 *    version's validator when the choice was stored, so it is expanded without checks.
 *  - `consent-gate-ui.min.js` (the elements): only when something must be shown.
 *
 *   <script src="/assets/consent-gate.min.js" data-catalogue="#cookie-catalogue"></script>
 *   <script src="/assets/consent-gate.min.js" data-catalogue="/cookies.json"></script>
 */
import { DEBUG_INTEGRITY, FULL_INTEGRITY, UI_INTEGRITY } from './bundle-integrity.js';
import { DEBUG_KEY, FULL_KEY } from './bundle-keys.js';
import { GATE_PRESETS } from './catalogue/preset-cookies.js';
import { expand } from './catalogue/resolve.js';
import type { Catalogue } from './catalogue/types.js';
import { ConsentState } from './consent/controller.js';
import { catalogueFingerprint, type ConsentRecord } from './consent/record.js';
import { pushConsentModeDefault } from './gate/consent-mode.js';
import { reserveEmbedSpace } from './gate/embed-space.js';
import { loadBeside } from './load-beside.js';
import { debugAsked, runConsentGate, type StartOptions } from './run.js';
import type { FullBundle } from './script-tag-full.js';
import { VERSION } from './version.js';

/** The page's consent state and actions. */
const consent = new ConsentState();

declare global {
  interface Window {
    consentGate: ConsentState;
  }
}

const self = document.currentScript as HTMLScriptElement | null;

/** How this page gets the decisions, once it knows its catalogue (`begin`), or never (undefined). */
type DecisionsLoader = NonNullable<ConsentState['loadDecisions']>;
let started!: (load: DecisionsLoader | undefined) => void;
const loader = new Promise<DecisionsLoader | undefined>((resolve) => (started = resolve));
// A decision asked for before the catalogue is read (a URL still loading) waits for it.
consent.loadDecisions = () => loader.then((load) => load?.());
window.consentGate = consent;

/** Loads a bundle that ships beside this file (its hash is built into this one). */
const loadSibling = (file: string, integrity: string) => loadBeside(self, file, integrity);

/** What a bundle beside this one handed over (src/bundle-keys.ts). */
const handedOver = <T>(key: string) => (globalThis as Record<symbol, T>)[Symbol.for(key)];

// The debug bundle (src/debug-tag.ts) hands over its module.
const loadDebug = () =>
  loadSibling('consent-gate-debug.min.js', DEBUG_INTEGRITY).then(() =>
    handedOver<typeof import('./gate/debug.js')>(DEBUG_KEY),
  );

async function readCatalogue(source: string): Promise<string> {
  // "#id" or "[attr]" names an inline <script type="application/json">; anything else is a URL.
  if (/^[#[]/.test(source)) {
    let element = document.querySelector(source);
    if (!element && document.readyState === 'loading') {
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
      element = document.querySelector(source);
    }
    if (!element) throw new Error(`no element matches data-catalogue="${source}"`);
    return element.textContent ?? '';
  }
  const response = await fetch(source, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}`);
  return response.text();
}

/**
 * Runs the gate with the catalogue's text. The short path (no validator, no texts) is taken only
 * when all of this holds: the text expands, a usable stored choice carries its fingerprint, that
 * choice answers every category (so no banner) and did not come from Global Privacy Control, and
 * no debugging was asked for. Anything else waits for the full bundle to validate first: nothing
 * non-essential runs on an unvalidated catalogue.
 */
function begin(text: string): void {
  const fingerprint = catalogueFingerprint(text, VERSION);
  let full: Promise<boolean> | undefined;
  let uiScript: Promise<void> | undefined;
  // The UI bundle only defines the elements; they wait for the gate (`consent-ready`) to draw.
  const fetchUI = () => (uiScript ??= loadSibling('consent-gate-ui.min.js', UI_INTEGRITY));
  /** Validates and puts the full catalogue and the decisions in force (once). */
  const upgrade = () =>
    (full ??= loadSibling('consent-gate-full.min.js', FULL_INTEGRITY).then(
      () => handedOver<FullBundle>(FULL_KEY).upgrade(consent, text, fingerprint),
      () => {
        full = undefined; // a later need (the footer link, a decision) tries again
        return false;
      },
    ));
  const debug = debugAsked(self?.hasAttribute('data-debug'));
  const options: StartOptions = {
    loadUI: () => upgrade().then((ok): unknown => ok && fetchUI()), // run.ts calls it once
    loadDebug,
    debug,
  };
  started(() => upgrade().then((ok) => (ok ? consent.decisions : undefined)));

  let lite: Catalogue | undefined;
  let stored: ConsentRecord | undefined;
  let short = false;
  try {
    lite = expand(JSON.parse(text), GATE_PRESETS);
    const probe = new ConsentState();
    probe.configure(lite);
    stored = probe.record;
    short = !debug && stored?.fingerprint === fingerprint && stored.method !== 'gpc' && !probe.awaitingChoice;
  } catch {
    // Not the catalogue this browser validated: the validator will say what is wrong with it.
    lite = undefined;
  }
  if (short) {
    consent.configure(lite!);
    consent.fingerprint = fingerprint;
    runConsentGate(consent, options);
    return;
  }
  // The default goes into the dataLayer now, before any later tag, while the validator loads.
  const settings = lite?.consentMode;
  if (settings) pushConsentModeDefault(settings);
  // No usable choice stored: the banner will be wanted, so its bundle comes alongside the validator.
  if (!stored) fetchUI().catch(() => {});
  upgrade().then((ok) => ok && runConsentGate(consent, options, Boolean(settings)));
}

function start(): void {
  // Embeds get their space as they are parsed, even while a catalogue URL is still being fetched.
  reserveEmbedSpace();
  const source = self?.dataset.catalogue;
  if (!source) {
    console.error('consent-gate: the script tag needs data-catalogue="#inline-json-id" or data-catalogue="/cookies.json"; nothing non-essential will run.');
    started(undefined);
    return;
  }
  // An inline catalogue already parsed is read synchronously, so the gate acts before later tags.
  const inline = /^[#[]/.test(source) ? document.querySelector(source) : null;
  if (inline) {
    begin(inline.textContent ?? '');
    return;
  }
  readCatalogue(source).then(
    (text) => begin(text),
    (error: Error) => {
      started(undefined);
      console.error(`consent-gate: could not read the cookie catalogue (${error.message}); nothing non-essential will run.`);
    },
  );
}

try {
  start();
} catch (error) {
  // Fail closed, never break the page: gated tags simply stay inert.
  started(undefined);
  console.error('consent-gate: failed to start; nothing non-essential will run.', error);
}
