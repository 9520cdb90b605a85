// Helpers for the signal journeys (test/e2e/signals-*.test.js): the page under test, what its
// dataLayer holds, and a recorder that survives the reload a withdrawal causes.

export const SIGNALS_PAGE = '/test/e2e/pages/signals.html';

/** Playwright init script: the browser sends Global Privacy Control. */
export const GPC_ON = `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });`;

/**
 * The page's dataLayer, each entry as { args: [...] } for an `arguments` object (what gtag.js
 * reads), { array: [...] } for an array (what gtag.js ignores) or { object: {...} } otherwise.
 */
export function dataLayerOf(page) {
  return page.evaluate(() =>
    (window.dataLayer ?? []).map((entry) => {
      const plain = (v) => (v instanceof Date ? 'Date' : v);
      if (Object.prototype.toString.call(entry) === '[object Arguments]') return { args: Array.from(entry, plain) };
      if (Array.isArray(entry)) return { array: entry.map(plain) };
      return { object: entry };
    }),
  );
}

/** The gtag commands only, as arrays: [['consent', 'default', {...}], ['js', 'Date'], …]. */
export const gtagCommands = (dataLayer) => dataLayer.filter((e) => e.args).map((e) => e.args);

/**
 * Playwright init script: on every consent-change, appends the dataLayer (as `dataLayerOf` shows
 * it) and the ga-disable flag to sessionStorage `cg-log`, so a test can read what happened just
 * before the page reloaded itself.
 */
export const RECORDER = `document.addEventListener('consent-change', (event) => {
  const plain = (v) => (v instanceof Date ? 'Date' : v);
  const log = JSON.parse(sessionStorage.getItem('cg-log') || '[]');
  log.push({
    method: event.method,
    remote: event.remote,
    gaDisabled: window['ga-disable-G-TEST123'] ?? null,
    dataLayer: (window.dataLayer || []).map((e) =>
      Object.prototype.toString.call(e) === '[object Arguments]' ? { args: Array.from(e, plain) } : Array.isArray(e) ? { array: e } : { object: e }),
  });
  sessionStorage.setItem('cg-log', JSON.stringify(log));
});`;

export const recorded = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('cg-log') || '[]'));

export const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
};
export const DEFAULT = ['consent', 'default', { ...DENIED, security_storage: 'granted', wait_for_update: 500 }];
