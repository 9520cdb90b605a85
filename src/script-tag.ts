/**
 * The script-tag build (`consent-gate.min.js`): runs the gate synchronously from the page's
 * `<head>` with the catalogue named by its own `data-catalogue` attribute, and loads the UI
 * bundle (`consent-gate-ui.min.js`, beside this file) only when something must be shown.
 *
 *   <script src="/assets/consent-gate.min.js" data-catalogue="#cookie-catalogue"></script>
 *   <script src="/assets/consent-gate.min.js" data-catalogue="/cookies.json"></script>
 */
import { consent, startConsentGate } from './start.js';

declare global {
  interface Window {
    consentGate: typeof consent;
  }
}

const self = document.currentScript as HTMLScriptElement | null;
window.consentGate = consent;

let uiLoading: Promise<void> | undefined;
function loadUI(): Promise<void> {
  return (uiLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('consent-gate-ui.min.js', self?.src ?? location.href).href;
    // Under a strict CSP the UI bundle needs the nonce this script was allowed by.
    if (self?.nonce) script.nonce = self.nonce;
    script.onload = () => resolve();
    script.onerror = () => {
      console.error(`consent-gate: could not load ${script.src}; the consent banner cannot be shown.`);
      reject(new Error('UI bundle failed to load'));
    };
    document.head.append(script);
  }));
}

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
  const source = self?.dataset.catalogue;
  if (!source) {
    console.error('consent-gate: the script tag needs data-catalogue="#inline-json-id" or data-catalogue="/cookies.json"; nothing non-essential will run.');
    return;
  }
  // An inline catalogue already parsed is read synchronously, so the gate acts before later tags.
  const inline = /^[#[]/.test(source) ? document.querySelector(source) : null;
  if (inline) {
    startConsentGate(inline.textContent ?? '', { loadUI });
    return;
  }
  readCatalogue(source).then(
    (catalogue) => startConsentGate(catalogue, { loadUI }),
    (error: Error) => console.error(`consent-gate: could not read the cookie catalogue (${error.message}); nothing non-essential will run.`),
  );
}

try {
  start();
} catch (error) {
  // Fail closed, never break the page: gated tags simply stay inert.
  console.error('consent-gate: failed to start; nothing non-essential will run.', error);
}
