/**
 * Expands a catalogue that is already known to be valid into the resolved form the gate and the
 * UI work from: presets merged in, defaults applied. Two callers: the validator
 * (`parseCatalogue`, with the presets' services, `PRESET_SERVICES`, after its checks; their texts
 * are added after it, `addPresetTexts`) and the script tag's core
 * (`script-tag-core.ts`), which re-expands a catalogue this browser validated before (the stored
 * choice is sealed for it) with only the presets' first-party cookies (`GATE_PRESETS`), so a
 * returning visitor's page loads neither the validator nor the presets' texts.
 * `consentModeBasics` alone also runs in the script tag's first file (for Consent Mode's default).
 */
import type { Catalogue, Category, ConsentModeBasics, ConsentModeKey, CookieDeclaration, PresetName, ResolvedConsentMode, Service } from './types.js';

// Input is walked untyped: every read is guarded by `isObj`/`own`, or follows validation.
export type Obj = Record<string, any>;

/** What expansion takes from a preset; the gate's presets carry only their cookies. */
export type PresetTable = Record<PresetName, Partial<Omit<Service, 'name' | 'category' | 'preset'>> & { cookies: CookieDeclaration[] }>;

export const has = (o: object, key: string) => Object.hasOwn(o, key);
export const isObj = (v: unknown): v is Obj => typeof v == 'object' && v !== null && !Array.isArray(v);
/** An own property only: inherited ones (`constructor`, a hostile prototype) are never read. */
export const own = (o: unknown, key: string): unknown => (isObj(o) && has(o, key) ? o[key] : undefined);
export const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

export const AD_KEYS: readonly ConsentModeKey[] = ['ad_storage', 'ad_user_data', 'ad_personalization'];
/** Consent Mode types the well-known category names grant when the catalogue does not say. */
const CONSENT_MODE_DEFAULTS: Record<string, readonly ConsentModeKey[]> = {
  analytics: ['analytics_storage'],
  functional: ['functionality_storage', 'personalization_storage'],
  marketing: AD_KEYS,
};

/** The consent cookie when the catalogue's `cookie` does not say otherwise. */
export const DEFAULT_COOKIE = { name: 'cookie_preferences', days: 365 };

/** The service input a category entry names: an entry of `services`, or a bare preset name. */
export const serviceInput = (services: unknown, name: string, presets: object): Obj | undefined => {
  const given = own(services, name);
  if (given !== undefined) return isObj(given) ? given : {};
  return has(presets, name) ? { preset: name } : undefined;
};

const GA = 'google-analytics';

/**
 * Whether a category input lists a Google Analytics service: an entry of `services` with that
 * preset, or the bare preset name (what `serviceInput` makes of it, without the preset table).
 */
const listsGoogleAnalytics = (input: Obj, category: unknown): boolean => {
  const entries = own(category, 'services');
  return (
    Array.isArray(entries) &&
    entries.some((e) => {
      const given = typeof e == 'string' ? own(own(input, 'services'), e) : null;
      return given === undefined ? e === GA : own(given, 'preset') === GA;
    })
  );
};

/** The Consent Mode types one category grants: the catalogue's mapping, else the defaults. */
function consentModeKeys(input: Obj, name: string): ConsentModeKey[] {
  const explicit = own(own(own(input, 'consentMode'), 'categories'), name);
  if (Array.isArray(explicit)) return [...new Set(explicit as ConsentModeKey[])];
  const keys = new Set(has(CONSENT_MODE_DEFAULTS, name) ? CONSENT_MODE_DEFAULTS[name] : []);
  // GA gated on a category of another name still needs analytics_storage to count anything.
  if (listsGoogleAnalytics(input, input.categories[name])) keys.add('analytics_storage');
  return [...keys];
}

/** The Consent Mode types each category grants: the catalogue's mapping, else the defaults. */
export const consentModeMap = (input: Obj): Record<string, ConsentModeKey[]> =>
  Object.fromEntries(Object.keys(own(input, 'categories') as Obj).map((name) => [name, consentModeKeys(input, name)]));

/** Fields present in `o` among `keys`, deep-copied so the catalogue shares nothing with input. */
const pick = (o: Obj, keys: string[]): Obj =>
  clone(Object.fromEntries(keys.filter((k) => has(o, k)).map((k) => [k, o[k]])));

/** Preset fields, overridden field by field by the site's (a site's `cookies` replaces the list). */
function resolveService(name: string, category: string, input: Obj, catalogue: Obj, presets: PresetTable): Service {
  const presetName = String(own(input, 'preset')) as PresetName;
  const base = has(presets, presetName) ? presets[presetName] : undefined;
  const service = clone({ hosts: [], cookies: [], ...base, ...input, name, category }) as Service;
  if (!service.provider) {
    // A first-party preset (site search): the site runs it, under its own privacy notice.
    service.provider = catalogue.site;
    const policyUrl = own(catalogue, 'policyUrl') as string | undefined;
    if (!service.privacyUrl && policyUrl) service.privacyUrl = policyUrl;
  }
  const id = service.measurementId;
  // GA4 names its session cookie after the measurement id (`_ga_ABC123`); the table shows the real
  // name, and deletion still matches every `_ga_*` in case the id changed.
  if (id)
    for (const c of service.cookies)
      if (c.name == '_ga_*')
        [c.name, c.match] = ['_ga_' + id.slice(2), [...(c.match ?? []), '_ga_*']];
  return service;
}

/**
 * Builds the resolved catalogue from a valid input, reading own properties only, as checked.
 * With `GATE_PRESETS` the preset services have no title or texts yet (the UI never sees such a
 * catalogue: the script tag validates and re-expands with `PRESET_SERVICES` before it loads);
 * with `PRESET_SERVICES`, no texts (`addPresetTexts` adds them).
 */
export function expand(input: Obj, presets: PresetTable): Catalogue {
  const services: Record<string, Service> = {};
  const categories = Object.keys(input.categories).map((name): Category => {
    const cat: Obj = input.categories[name];
    return {
      name,
      required: own(cat, 'required') === true,
      ...pick(cat, ['basis', 'title', 'description']),
      services: ((own(cat, 'services') ?? []) as string[]).map(
        (s) =>
          (services[s] = resolveService(s, name, serviceInput(own(input, 'services'), s, presets)!, input, presets)),
      ),
    };
  });
  const consentMode = resolveConsentMode(input);
  return {
    site: input.site,
    revision: input.revision,
    ...pick(input, ['policyUrl', 'cookiesPageUrl']),
    categories,
    services,
    texts: clone(own(input, 'texts') as Catalogue['texts']) ?? {},
    cookie: { ...DEFAULT_COOKIE, ...clone(own(input, 'cookie') as object) },
    ...pick(input, ['receipts', 'gpc']),
    ...(consentMode ? { consentMode } : {}),
  };
}

/**
 * Whether Consent Mode is on (default: on with Google Analytics) and, if so, the settings its
 * default needs. Read from the input alone, so the script tag's first file can push the default
 * before any expansion.
 */
export function consentModeBasics(input: Obj): ConsentModeBasics | undefined {
  const given = own(input, 'consentMode');
  const on = given === undefined ? Object.keys(input.categories).some((name) => listsGoogleAnalytics(input, input.categories[name])) : given !== false;
  return on
    ? {
        waitForUpdate: (own(given, 'waitForUpdate') as number | undefined) ?? 500,
        adsDataRedaction: own(given, 'adsDataRedaction') === true,
        urlPassthrough: own(given, 'urlPassthrough') === true,
      }
    : undefined;
}

/** Consent Mode after defaults, or undefined when off (see `consentModeBasics`). */
export function resolveConsentMode(input: Obj): ResolvedConsentMode | undefined {
  const basics = consentModeBasics(input);
  if (!basics) return undefined;
  const categories: Record<string, ConsentModeKey[]> = {};
  for (const name of Object.keys(input.categories)) {
    const keys = consentModeKeys(input, name);
    if (own(input.categories[name], 'required') !== true || keys.length) categories[name] = keys;
  }
  return { categories, ...basics };
}
