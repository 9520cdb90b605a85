/**
 * The script-tag build (`consent-gate.min.js`): runs the gate synchronously from the page's
 * `<head>` with the catalogue named by its own `data-catalogue` attribute, and loads the UI
 * bundle (`consent-gate-ui.min.js`, beside this file) only when something must be shown.
 *
 *   <script src="/assets/consent-gate.min.js" data-catalogue="#cookie-catalogue"></script>
 *   <script src="/assets/consent-gate.min.js" data-catalogue="/cookies.json"></script>
 */
import { DEBUG_INTEGRITY, UI_INTEGRITY } from './bundle-integrity.js';
import { reserveEmbedSpace } from './gate/embed-space.js';
import { consent, startConsentGate, type StartOptions } from './start.js';

declare global {
  interface Window {
    consentGate: typeof consent;
  }
}

const self = document.currentScript as HTMLScriptElement | null;
window.consentGate = consent;

/**
 * Loads a bundle that ships beside this file, with this script's nonce (strict CSP) and, when
 * this script was loaded with `integrity` (SRI, e.g. from a CDN), that bundle's own hash: the
 * build writes the siblings' hashes into this file, so one integrity attribute covers all three.
 */
function loadSibling(file: string, integrity: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(file, self?.src ?? location.href).href;
    if (self?.nonce) script.nonce = self.nonce;
    if (self?.crossOrigin != null) script.crossOrigin = self.crossOrigin;
    if (self?.integrity && integrity) script.integrity = integrity;
    script.onload = () => resolve();
    script.onerror = () => {
      console.error(`consent-gate: could not load ${script.src}: it must sit beside this script, from the same version.`);
      reject(new Error(`${file} failed to load`));
    };
    document.head.append(script);
  });
}

let uiLoading: Promise<void> | undefined;
const loadUI = () => (uiLoading ??= loadSibling('consent-gate-ui.min.js', UI_INTEGRITY));

// The debug bundle (src/debug-tag.ts) leaves its module under this key: an IIFE cannot export.
const loadDebug = () =>
  loadSibling('consent-gate-debug.min.js', DEBUG_INTEGRITY).then(
    () => (globalThis as Record<symbol, typeof import('./gate/debug.js')>)[Symbol.for('consent-gate.debug')],
  );

async function readCatalogue(source: string): Promise<unknown> {
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

function start(): void {
  // Embeds get their space as they are parsed, even while a catalogue URL is still being fetched.
  reserveEmbedSpace();
  const source = self?.dataset.catalogue;
  if (!source) {
    console.error('consent-gate: the script tag needs data-catalogue="#inline-json-id" or data-catalogue="/cookies.json"; nothing non-essential will run.');
    return;
  }
  const options: StartOptions = { loadUI, loadDebug, debug: self?.hasAttribute('data-debug') };
  // An inline catalogue already parsed is read synchronously, so the gate acts before later tags.
  const inline = /^[#[]/.test(source) ? document.querySelector(source) : null;
  if (inline) {
    startConsentGate(inline.textContent ?? '', options);
    return;
  }
  readCatalogue(source).then(
    (catalogue) => startConsentGate(catalogue, options),
    (error: Error) => console.error(`consent-gate: could not read the cookie catalogue (${error.message}); nothing non-essential will run.`),
  );
}

try {
  start();
} catch (error) {
  // Fail closed, never break the page: gated tags simply stay inert.
  console.error('consent-gate: failed to start; nothing non-essential will run.', error);
}
