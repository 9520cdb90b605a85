/**
 * Reads a cookie catalogue (object or JSON text), reports every problem with its JSON path, and
 * expands presets into resolved services (`resolve.ts`). It never throws: a bad catalogue must fail
 * closed with a clear message, never crash the page. It ships to browsers (in the script tag's
 * `consent-gate-core.min.js`, fetched on a first visit), so the checks are tables of small
 * combinators rather than code per field, and each problem is a code whose message lives in
 * `validate-messages.ts` (the core fetches those only for a catalogue it refused).
 * `catalogue.schema.json` mirrors these rules.
 */
import { PRESET_SERVICES } from './preset-services.js';
import { addPresetTexts } from './preset-texts.js';
import { describeFinding, invalidCatalogue, type Finding, type ProblemCode } from './validate-messages.js';
import { AD_KEYS, consentModeMap, expand, has, isObj, own, serviceInput as inputWith, type Obj } from './resolve.js';
import { STATISTICAL_EXCEPTION } from './types.js';
import type { Catalogue, ConsentModeKey, ParseResult, PresetName } from './types.js';

const serviceInput = (services: unknown, name: string) => inputWith(services, name, PRESET_SERVICES);
type Problems = Finding[];
type Check = (value: unknown, path: string, out: Problems) => void;

// Patterns are repeated verbatim in catalogue.schema.json (test/node/schema.test.js checks both
// agree on a corpus), so they avoid regex flags.
const NAME = /^[a-zA-Z0-9][\w-]{0,63}$/;
// RFC 6265 cookie-name characters; `*` is ours, a wildcard.
const COOKIE_GLOB = /^[\w!#$%&'*+.^`|~-]+$/;
const HOST = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;
const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
// Absolute http(s) URL, or a path on this site. `//host` and `/\host` lead to another site; a
// backslash or space never belongs in a URL we will put in an href.
const URL_OK = /^(https?:\/\/[^\s/\\?#]+|\/(?![/\\]))[^\s\\]*$/;

/** Services that always need consent (COMPLIANCE R14): never in a required category. */
const NEEDS_CONSENT: readonly string[] = ['google-analytics', 'youtube', 'facebook', 'twitter'];
/** Presets whose providers use what they collect for their own ends, advertising included (R31). */
const OWN_PURPOSES: readonly string[] = ['youtube', 'facebook', 'twitter'];
// A path on this site only: receipts must never be sent to another site, whatever is pasted.
const SITE_PATH = /^\/(?![/\\])[^\s\\]*$/;
const CONSENT_MODE_KEYS: readonly ConsentModeKey[] = [
  ...AD_KEYS,
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
];
const PRESET_NAMES = Object.keys(PRESET_SERVICES);

/** `services.youtube.cookies[2].name`; keys that are not plain words go in brackets. */
const at = (path: string, key: string | number) =>
  typeof key == 'number'
    ? `${path}[${key}]`
    : /^[\w$-]+$/.test(key)
      ? (path && path + '.') + key
      : `${path || '$'}[${JSON.stringify(key)}]`;

const fail = (out: Problems, path: string, code: ProblemCode, ...args: unknown[]) => {
  out.push(args.length ? { path, code, args } : { path, code });
};

// --- Check combinators -------------------------------------------------------------------------

const check =
  (ok: (v: unknown) => unknown, code: ProblemCode, ...args: unknown[]): Check =>
  (v, path, out) => {
    if (!ok(v)) fail(out, path, code, ...args);
  };

const string =
  (pattern = /\S/, code: ProblemCode = 'nonEmpty'): Check =>
  (v, path, out) => {
    if (typeof v != 'string') fail(out, path, 'string');
    else if (!pattern.test(v)) fail(out, path, code);
  };

const list =
  (item: Check): Check =>
  (v, path, out) => {
    if (!Array.isArray(v)) return fail(out, path, 'array');
    v.forEach((x, i) => item(x, at(path, i), out));
  };

/** An object used as a map: every key matches `key`, every value passes `item`. */
const record =
  (key: RegExp, keyCode: ProblemCode, item: Check): Check =>
  (v, path, out) => {
    if (!isObj(v)) return fail(out, path, 'object');
    for (const k of Object.keys(v)) {
      if (key.test(k)) item(v[k], at(path, k), out);
      else fail(out, at(path, k), keyCode);
    }
  };

/** An object with exactly these keys (unknown ones are errors, with a typo hint). */
const shape =
  (fields: Record<string, Check>, required: string[] = []): Check =>
  (v, path, out) => {
    if (!isObj(v)) return fail(out, path || '$', 'object');
    const known = Object.keys(fields);
    for (const k of Object.keys(v)) {
      if (has(fields, k)) fields[k](v[k], at(path, k), out);
      else fail(out, at(path, k), 'unknownKey', k, known);
    }
    for (const k of required) if (!has(v, k)) fail(out, at(path, k), 'required');
  };

const nonEmpty = string();
const localisedMap = record(LANG, 'lang', nonEmpty);
/** `"Polls"` or `{ "en": "Polls", "cy": "Polau" }`. */
const localised: Check = (v, path, out) => {
  if (typeof v == 'string') nonEmpty(v, path, out);
  else if (isObj(v) && Object.keys(v).length) localisedMap(v, path, out);
  else fail(out, path, 'localised');
};

const url: Check = (v, path, out) => {
  if (typeof v != 'string') fail(out, path, 'string');
  else if (!URL_OK.test(v)) fail(out, path, 'url', v);
};

const preset: Check = (v, path, out) => {
  if (typeof v != 'string') fail(out, path, 'string');
  else if (!has(PRESET_SERVICES, v)) fail(out, path, 'preset', v, PRESET_NAMES);
};

const cookieGlob = string(COOKIE_GLOB, 'cookieGlob');

const cookieDeclaration = shape(
  {
    name: cookieGlob,
    match: list(cookieGlob),
    purpose: localised,
    expires: localised,
    // Printable ASCII without `;`: the path is written into `document.cookie` when sweeping.
    path: string(/^\/[!-:<-~]*$/, 'cookiePath'),
    party: check((v) => v === 'first' || v === 'third', 'party'),
  },
  ['name'],
);

const serviceShape = shape({
  preset,
  title: localised,
  provider: nonEmpty,
  privacyUrl: url,
  description: localised,
  hosts: list(string(HOST, 'host')),
  cookies: list(cookieDeclaration),
  measurementId: string(/^G-[A-Z0-9]+$/, 'measurementId'),
  statisticalExceptionAcknowledgement: check(
    (v) => typeof v == 'string' && v.trim().length >= 20,
    'acknowledgement',
  ),
});

const service: Check = (v, path, out) => {
  serviceShape(v, path, out);
  if (isObj(v) && !has(v, 'preset'))
    for (const k of ['title', 'provider', 'cookies'])
      if (!has(v, k)) fail(out, at(path, k), 'requiredWithoutPreset');
};

const category = shape({
  required: check((v) => typeof v == 'boolean', 'boolean'),
  basis: check(
    (v) => v === 'consent' || v === STATISTICAL_EXCEPTION,
    'basis',
  ),
  title: localised,
  description: localised,
  services: list(string(NAME, 'name')),
});

const flag = check((v) => typeof v == 'boolean', 'boolean');

const consentModeShape = shape({
  categories: record(
    NAME,
    'name',
    list(check((v) => CONSENT_MODE_KEYS.includes(v as ConsentModeKey), 'consentModeKey', CONSENT_MODE_KEYS)),
  ),
  waitForUpdate: check(
    (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10000,
    'waitForUpdate',
  ),
  adsDataRedaction: flag,
  urlPassthrough: flag,
});

const catalogueShape = shape(
  {
    $schema: nonEmpty,
    site: nonEmpty,
    revision: check((v) => Number.isSafeInteger(v) && (v as number) > 0, 'revision'),
    policyUrl: url,
    cookiesPageUrl: url,
    categories: record(NAME, 'name', category),
    services: record(NAME, 'name', service),
    texts: record(
      LANG,
      'lang',
      record(
        /^[a-zA-Z][\w.-]*$/,
        'textKey',
        check((v) => typeof v == 'string', 'string'),
      ),
    ),
    consentMode: (v, path, out) => {
      if (isObj(v)) consentModeShape(v, path, out);
      else if (typeof v != 'boolean') fail(out, path, 'consentMode');
    },
    receipts: shape(
      {
        url: string(SITE_PATH, 'receiptsUrl'),
      },
      ['url'],
    ),
    gpc: check((v) => v === 'banner' || v === 'silent', 'gpc'),
    cookie: shape({
      name: string(/^[\w!#$%&'+.^`|~-]+$/, 'cookieName'),
      days: check(
        (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 730,
        'days',
      ),
      domain: string(HOST, 'host'),
    }),
  },
  ['site', 'revision', 'categories'],
);

// --- Rules across entries ----------------------------------------------------------------------

/** The cookies a service will declare once its preset is expanded. */
const cookiesOf = (input: Obj): unknown[] => {
  const name = own(input, 'preset') as string;
  const cookies =
    own(input, 'cookies') ??
    (typeof name == 'string' && has(PRESET_SERVICES, name) ? PRESET_SERVICES[name as PresetName].cookies : []);
  return Array.isArray(cookies) ? cookies : [];
};

function checkReferences(input: Obj, out: Problems) {
  const categories = own(input, 'categories');
  const services = own(input, 'services');
  if (!isObj(categories)) return;
  if (!Object.keys(categories).length) fail(out, 'categories', 'noCategories');
  const mapped = own(own(input, 'consentMode'), 'categories');
  if (isObj(mapped))
    for (const name of Object.keys(mapped))
      if (!has(categories, name) && NAME.test(name))
        fail(out, at('consentMode.categories', name), 'noCategory', name, Object.keys(categories));
  const consentModeKeys = consentModeMap(input);
  const owner = new Map<string, string>();
  for (const name of Object.keys(categories)) {
    const cat = categories[name];
    const path = at('categories', name);
    const required = own(cat, 'required') === true;
    const exception = own(cat, 'basis') === STATISTICAL_EXCEPTION;
    if (required && exception)
      fail(out, at(path, 'basis'), 'requiredException');
    const adKeys = (consentModeKeys[name] ?? []).filter((k) => AD_KEYS.includes(k));
    if (exception && adKeys.length)
      fail(out, at(path, 'basis'), 'adKeysException', adKeys);
    const entries = own(cat, 'services');
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, i) => {
      if (typeof entry != 'string' || !NAME.test(entry)) return; // reported by the shape check
      const entryPath = at(at(path, 'services'), i);
      const svc = serviceInput(services, entry);
      const presetName = own(svc, 'preset') as string;
      if (!svc) {
        const names = [...(isObj(services) ? Object.keys(services) : []), ...PRESET_NAMES];
        fail(out, entryPath, 'noService', entry, names);
      } else if (owner.has(entry)) {
        fail(out, entryPath, 'alreadyIn', entry, owner.get(entry));
      } else {
        owner.set(entry, name);
        if (required && NEEDS_CONSENT.includes(presetName))
          fail(out, entryPath, 'needsConsent', entry, presetName);
        // DUAA exception: first-party aggregate statistics only (COMPLIANCE R31).
        if (exception) checkStatisticalException(entry, svc, entryPath, out);
      }
    });
  }
  if (isObj(services))
    for (const name of Object.keys(services))
      if (!owner.has(name) && NAME.test(name))
        fail(out, at('services', name), 'unlisted');
}

/**
 * A service in a `statistical-exception` category: never one that sets third-party cookies or
 * whose provider uses the data for its own ends (advertising); Google Analytics, or anything
 * loaded from another host, only with the site's written acknowledgement that the provider acts
 * for the site alone.
 */
function checkStatisticalException(entry: string, svc: Obj, path: string, out: Problems) {
  const presetName = own(svc, 'preset') as string;
  if (cookiesOf(svc).some((c) => own(c, 'party') === 'third')) return fail(out, path, 'thirdPartyException', entry);
  if (OWN_PURPOSES.includes(presetName)) return fail(out, path, 'ownPurposesException', entry, presetName);
  if (has(svc, 'statisticalExceptionAcknowledgement')) return;
  const hosts = own(svc, 'hosts') ?? (has(PRESET_SERVICES, presetName) ? PRESET_SERVICES[presetName as PresetName].hosts : []);
  if (presetName == 'google-analytics' || has(svc, 'measurementId')) fail(out, path, 'unacknowledgedAnalytics', entry);
  // Joined here, inside `checkCatalogue`'s guard: the hosts may be any value a page passed.
  else if (Array.isArray(hosts) && hosts.length)
    fail(out, path, 'unacknowledgedHosts', entry, hosts.slice(0, 2).join(', '));
}

/**
 * Validates a catalogue (an object, or its JSON text) and expands its presets, texts included
 * (`preset-texts.ts`). On failure, `problems` lists every problem found, each with a JSON path
 * such as `services.youtube.cookies[2].name`.
 */
export function parseCatalogue(input: unknown): ParseResult {
  const result = checkCatalogue(input);
  if (!result.ok) return { ok: false, problems: result.findings.map(describeFinding) };
  addPresetTexts(result.catalogue);
  return { ok: true, catalogue: result.catalogue, problems: [] };
}

export type CheckResult = { ok: true; catalogue: Catalogue } | { ok: false; findings: Finding[] };

/**
 * `parseCatalogue` without the messages (each problem is a code: `describe` in
 * validate-messages.ts says it) and without the presets' texts (descriptions, cookies' purposes
 * and expiries): the script tag's core, whose first layer shows none of them and which fetches
 * the messages only for a catalogue that fails; the elements bundle adds the texts.
 */
export function checkCatalogue(input: unknown): CheckResult {
  const out: Problems = [];
  const refused = () => ({ ok: false, findings: out }) as const;
  try {
    if (typeof input == 'string') {
      try {
        input = JSON.parse(input);
      } catch (e) {
        fail(out, '$', 'json', (e as Error).message);
        return refused();
      }
    }
    if (!isObj(input)) {
      fail(out, '$', 'object');
      return refused();
    }
    catalogueShape(input, '', out);
    checkReferences(input, out);
    return out.length ? refused() : { ok: true, catalogue: expand(input, PRESET_SERVICES) };
  } catch {
    // Only a hostile object (a throwing getter or Proxy) gets here; JSON text cannot.
    fail(out, '$', 'unreadable');
    return refused();
  }
}

// Where it was before the messages moved: the npm entry (`consent-gate/core`) and tests import it from here.
export { formatProblems } from './validate-messages.js';

/** The resolved catalogue (`parseCatalogue`), or undefined after a console error naming every problem. */
export function validCatalogue(input: unknown): Catalogue | undefined {
  const result = parseCatalogue(input);
  if (result.ok) return result.catalogue;
  console.error(invalidCatalogue(result.problems));
  return undefined;
}
