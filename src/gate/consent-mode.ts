/**
 * The Google Consent Mode v2 bridge (basic mode: gtag.js itself stays gated). Started before the
 * gate activates anything, it pushes `gtag('consent', 'default', …)` with every storage type
 * denied but `security_storage`; then one `gtag('consent', 'update', …)` per decision — at once
 * when a choice is stored — followed by a `consent_update` event for Tag Manager triggers. On
 * withdrawal it also sets `window['ga-disable-<ID>'] = true` for each Google Analytics ID.
 */
import type { ConsentModeBasics, ConsentModeKey, ResolvedConsentMode } from '../catalogue/types.js';
import type { ConsentController } from '../consent/controller.js';

type Globals = Window & { dataLayer?: unknown[] } & Record<string, unknown>;

const KEYS: readonly ConsentModeKey[] = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
];

type ConsentState = Record<ConsentModeKey, 'granted' | 'denied'>;

/**
 * What goes into the dataLayer: an array is one `gtag(...)` call (pushed as the `arguments`
 * object gtag.js reads), anything else is pushed as it is. Plain data, so the core can keep the
 * stored choice's entries for the gate's short path (`src/gate/short-path.ts`).
 */
export type DataLayerEntry = unknown[] | object;

/** Pushes `entries` onto the page's dataLayer, as Google's `gtag()` snippet would. */
export function pushToDataLayer(entries: DataLayerEntry[]): void {
  const w = window as unknown as Globals;
  const dataLayer = (w.dataLayer = w.dataLayer || []);
  // gtag.js reads only `arguments` objects from the dataLayer and silently skips arrays, so the
  // function must not take rest parameters.
  const gtag = function () {
    // eslint-disable-next-line prefer-rest-params
    dataLayer.push(arguments);
  } as (...args: unknown[]) => void;
  for (const entry of entries) Array.isArray(entry) ? gtag(...entry) : dataLayer.push(entry);
}

/**
 * Pushes Consent Mode's default (every storage type denied but `security_storage`). The script
 * tag pushes it as soon as it runs, even while the catalogue is still being validated.
 */
export function pushConsentModeDefault(settings: ConsentModeBasics): void {
  pushToDataLayer([
    [
      'consent',
      'default',
      { ...Object.fromEntries(KEYS.map((k) => [k, 'denied'])), security_storage: 'granted', wait_for_update: settings.waitForUpdate },
    ],
    ...(settings.adsDataRedaction ? [['set', 'ads_data_redaction', true]] : []),
    ...(settings.urlPassthrough ? [['set', 'url_passthrough', true]] : []),
  ]);
}

/** A type is granted when every category mapped to it is allowed (and at least one is). */
function grantsOf(settings: ResolvedConsentMode, allows: (name: string) => boolean): ConsentState {
  const grants = {} as ConsentState;
  for (const key of KEYS) {
    const from = Object.keys(settings.categories).filter((c) => settings.categories[c].includes(key));
    grants[key] = from.length && from.every(allows) ? 'granted' : 'denied';
  }
  return grants;
}

/**
 * `gtag('consent', 'update', …)` for the choice `allows` answers, then the `consent_update`
 * event for Tag Manager triggers: pushed by the bridge after every decision, and kept for the
 * stored choice in the short path's memo, which the script tag's first file pushes.
 */
export function consentModeUpdate(
  settings: ResolvedConsentMode,
  allows: (name: string) => boolean,
  optionalCategories: readonly string[],
  method: string,
): DataLayerEntry[] {
  const categories = Object.fromEntries(optionalCategories.map((c) => [c, allows(c)]));
  return [
    ['consent', 'update', grantsOf(settings, allows)],
    // A plain object with `event`, as Tag Manager's custom-event triggers expect (never a gtag
    // 'event' command: that would send a hit to Google Analytics).
    {
      event: 'consent_update',
      consent_method: method,
      consent_categories: categories,
      consent_granted: Object.keys(categories).filter((c) => categories[c]).join(','),
    },
  ];
}

/**
 * What the script tag's first file already did for this page: pushed the default while the
 * catalogue is validated ('default'), or ran the page's short path ('stored': the default and the
 * stored choice's update pushed, when the catalogue has Consent Mode on at all).
 */
export type ConsentModeSent = 'default' | 'stored';

/**
 * Starts the bridge (pushing the default first and, for a stored choice, its update, unless
 * `sent` says they went already). Does nothing for Consent Mode when the catalogue has it off,
 * but still sets `ga-disable-<ID>` on withdrawal. Returns a function that stops listening.
 */
export function startConsentMode(controller: ConsentController, sent?: ConsentModeSent): () => void {
  const catalogue = controller.catalogue!;
  const settings = catalogue.consentMode;
  const w = window as unknown as Globals;
  const allows = (name: string) => controller.allows(name);
  const update = (method: string) => pushToDataLayer(consentModeUpdate(settings!, allows, controller.optionalCategories, method));

  if (settings && sent !== 'stored') {
    if (!sent) pushConsentModeDefault(settings);
    // A returning visitor (or a statistical exception running before a choice): the update goes
    // straight after the default, before gtag.js or any `config` can run.
    const now = grantsOf(settings, allows);
    if (controller.record || KEYS.some((k) => now[k] === 'granted')) update(controller.record ? 'stored' : 'default');
  }

  const analytics = Object.values(catalogue.services).filter((s) => s.preset === 'google-analytics' && s.measurementId);
  const allowed = new Map(analytics.map((s) => [s.name, controller.allows(s.name)]));

  return controller.subscribe(({ method }) => {
    if (settings) update(method);
    for (const service of analytics) {
      const now = controller.allows(service.name);
      const flag = `ga-disable-${service.measurementId}`;
      // gtag.js checks this flag before every hit: set on withdrawal, cleared on a new grant.
      if (allowed.get(service.name) && !now) w[flag] = true;
      else if (now && w[flag] === true) w[flag] = false;
      allowed.set(service.name, now);
    }
  });
}
