/**
 * Reads a cookie catalogue (object or JSON text), reports every problem with its JSON path, and
 * expands presets into resolved services (`resolve.ts`). It never throws: a bad catalogue must fail
 * closed with a clear message, never crash the page. It ships to browsers (in the script tag's
 * `consent-gate-core.min.js`, fetched on a first visit), so the checks are tables of small
 * combinators rather than code per field. `catalogue.schema.json` mirrors these rules.
 */
import { PRESET_SERVICES } from './preset-services.js';
import { addPresetTexts } from './preset-texts.js';
import { AD_KEYS, consentModeMap, expand, has, isObj, own, serviceInput as inputWith, type Obj } from './resolve.js';
import { STATISTICAL_EXCEPTION } from './types.js';
import type { Catalogue, CatalogueProblem, ConsentModeKey, ParseResult, PresetName } from './types.js';

const serviceInput = (services: unknown, name: string) => inputWith(services, name, PRESET_SERVICES);
type Problems = CatalogueProblem[];
type Check = (value: unknown, path: string, out: Problems) => void;

// Patterns are repeated verbatim in catalogue.schema.json (test/node/schema.test.js checks both
// agree on a corpus), so they avoid regex flags.
const NAME = /^[a-zA-Z0-9][\w-]{0,63}$/;
const NAME_MSG =
  'expected a name of letters, digits, - and _ (at most 64, not starting with - or _)';
// RFC 6265 cookie-name characters; `*` is ours, a wildcard.
const COOKIE_GLOB = /^[\w!#$%&'*+.^`|~-]+$/;
const COOKIE_GLOB_MSG =
  "expected a cookie name: letters, digits and !#$%&'+-.^_`|~ (* is a wildcard)";
const HOST = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;
const HOST_MSG = 'expected a bare hostname such as www.example.com';
const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
const LANG_MSG = 'expected a language tag such as en or cy';
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

/** Quotes a value from the input for a message, cut short so hostile input stays readable. */
const quote = (s: string) => JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s);

/** `services.youtube.cookies[2].name`; keys that are not plain words go in brackets. */
const at = (path: string, key: string | number) =>
  typeof key == 'number'
    ? `${path}[${key}]`
    : /^[\w$-]+$/.test(key)
      ? (path && path + '.') + key
      : `${path || '$'}[${JSON.stringify(key)}]`;

const fail = (out: Problems, path: string, message: string) => {
  out.push({ path, message });
};

/** Levenshtein distance, one row at a time. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** ` (did you mean "services"?)` when one option is a typo away, else ''. */
function hint(word: string, options: readonly string[]): string {
  let best = '';
  let bestDistance = 3;
  if (word.length < 80) {
    for (const option of options) {
      const d = distance(word.toLowerCase(), option.toLowerCase());
      if (d < bestDistance && d < option.length / 2) [best, bestDistance] = [option, d];
    }
  }
  return best && ` (did you mean "${best}"?)`;
}

// --- Check combinators -------------------------------------------------------------------------

const check =
  (ok: (v: unknown) => unknown, message: string): Check =>
  (v, path, out) => {
    if (!ok(v)) fail(out, path, message);
  };

const string =
  (pattern = /\S/, message = 'expected a non-empty string'): Check =>
  (v, path, out) => {
    if (typeof v != 'string') fail(out, path, 'expected a string');
    else if (!pattern.test(v)) fail(out, path, message);
  };

const list =
  (item: Check): Check =>
  (v, path, out) => {
    if (!Array.isArray(v)) return fail(out, path, 'expected an array');
    v.forEach((x, i) => item(x, at(path, i), out));
  };

/** An object used as a map: every key matches `key`, every value passes `item`. */
const record =
  (key: RegExp, keyMessage: string, item: Check): Check =>
  (v, path, out) => {
    if (!isObj(v)) return fail(out, path, 'expected an object');
    for (const k of Object.keys(v)) {
      if (key.test(k)) item(v[k], at(path, k), out);
      else fail(out, at(path, k), keyMessage);
    }
  };

/** An object with exactly these keys (unknown ones are errors, with a typo hint). */
const shape =
  (fields: Record<string, Check>, required: string[] = []): Check =>
  (v, path, out) => {
    if (!isObj(v)) return fail(out, path || '$', 'expected an object');
    const known = Object.keys(fields);
    for (const k of Object.keys(v)) {
      if (has(fields, k)) fields[k](v[k], at(path, k), out);
      else fail(out, at(path, k), 'unknown key' + hint(k, known));
    }
    for (const k of required) if (!has(v, k)) fail(out, at(path, k), 'is required');
  };

const nonEmpty = string();
const localisedMap = record(LANG, LANG_MSG, nonEmpty);
/** `"Polls"` or `{ "en": "Polls", "cy": "Polau" }`. */
const localised: Check = (v, path, out) => {
  if (typeof v == 'string') nonEmpty(v, path, out);
  else if (isObj(v) && Object.keys(v).length) localisedMap(v, path, out);
  else
    fail(
      out,
      path,
      'expected text, or an object of language → text such as {"en": "…", "cy": "…"}',
    );
};

const url: Check = (v, path, out) => {
  if (typeof v != 'string') return fail(out, path, 'expected a string');
  if (URL_OK.test(v)) return;
  // Name the scheme when there is one (`javascript:`, `data:`): the likeliest hostile input.
  const scheme = /^\s*([a-z][\w+.-]{0,20}):/i.exec(v)?.[1];
  const refused =
    scheme && !/^https?$/.test(scheme) ? `${scheme.toLowerCase()}: URLs are not allowed; ` : '';
  fail(out, path, refused + 'expected an https: URL or a path starting with /');
};

const preset: Check = (v, path, out) => {
  if (typeof v != 'string') fail(out, path, 'expected a string');
  else if (!has(PRESET_SERVICES, v))
    fail(
      out,
      path,
      `unknown preset ${quote(v)}` +
        (hint(v, PRESET_NAMES) || `; presets: ${PRESET_NAMES.join(', ')}`),
    );
};

const cookieGlob = string(COOKIE_GLOB, COOKIE_GLOB_MSG);

const cookieDeclaration = shape(
  {
    name: cookieGlob,
    match: list(cookieGlob),
    purpose: localised,
    expires: localised,
    // Printable ASCII without `;`: the path is written into `document.cookie` when sweeping.
    path: string(/^\/[!-:<-~]*$/, 'expected a path starting with /'),
    party: check((v) => v === 'first' || v === 'third', 'expected "first" or "third"'),
  },
  ['name'],
);

const serviceShape = shape({
  preset,
  title: localised,
  provider: nonEmpty,
  privacyUrl: url,
  description: localised,
  hosts: list(string(HOST, HOST_MSG)),
  cookies: list(cookieDeclaration),
  measurementId: string(/^G-[A-Z0-9]+$/, 'expected a GA4 measurement ID such as G-ABC123'),
  statisticalExceptionAcknowledgement: check(
    (v) => typeof v == 'string' && v.trim().length >= 20,
    'expected a sentence (20 characters or more) saying the provider uses the data only to give you statistics',
  ),
});

const service: Check = (v, path, out) => {
  serviceShape(v, path, out);
  if (isObj(v) && !has(v, 'preset'))
    for (const k of ['title', 'provider', 'cookies'])
      if (!has(v, k)) fail(out, at(path, k), 'is required for a service without a preset');
};

const category = shape({
  required: check((v) => typeof v == 'boolean', 'expected true or false'),
  basis: check(
    (v) => v === 'consent' || v === STATISTICAL_EXCEPTION,
    'expected "consent" or "statistical-exception"',
  ),
  title: localised,
  description: localised,
  services: list(string(NAME, NAME_MSG)),
});

const flag = check((v) => typeof v == 'boolean', 'expected true or false');

const consentModeShape = shape({
  categories: record(
    NAME,
    NAME_MSG,
    list(
      check(
        (v) => CONSENT_MODE_KEYS.includes(v as ConsentModeKey),
        `expected one of ${CONSENT_MODE_KEYS.join(', ')}`,
      ),
    ),
  ),
  waitForUpdate: check(
    (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10000,
    'expected a whole number of milliseconds from 0 to 10000',
  ),
  adsDataRedaction: flag,
  urlPassthrough: flag,
});

const catalogueShape = shape(
  {
    $schema: nonEmpty,
    site: nonEmpty,
    revision: check(
      (v) => Number.isSafeInteger(v) && (v as number) > 0,
      'expected a positive integer',
    ),
    policyUrl: url,
    cookiesPageUrl: url,
    categories: record(NAME, NAME_MSG, category),
    services: record(NAME, NAME_MSG, service),
    texts: record(
      LANG,
      LANG_MSG,
      record(
        /^[a-zA-Z][\w.-]*$/,
        'expected a text key such as banner.heading',
        check((v) => typeof v == 'string', 'expected a string'),
      ),
    ),
    consentMode: (v, path, out) => {
      if (isObj(v)) consentModeShape(v, path, out);
      else if (typeof v != 'boolean') fail(out, path, 'expected true, false or an object of settings');
    },
    receipts: shape(
      {
        url: string(
          SITE_PATH,
          'expected a path on this site such as /consent-receipts: receipts are never sent to another site',
        ),
      },
      ['url'],
    ),
    gpc: check((v) => v === 'banner' || v === 'silent', 'expected "banner" or "silent"'),
    cookie: shape({
      name: string(
        /^[\w!#$%&'+.^`|~-]+$/,
        "expected a cookie name: letters, digits and !#$%&'+-.^_`|~",
      ),
      days: check(
        (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 730,
        'expected a whole number of days from 1 to 730',
      ),
      domain: string(HOST, HOST_MSG),
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
  if (!Object.keys(categories).length) fail(out, 'categories', 'expected at least one category');
  const mapped = own(own(input, 'consentMode'), 'categories');
  if (isObj(mapped))
    for (const name of Object.keys(mapped))
      if (!has(categories, name) && NAME.test(name))
        fail(
          out,
          at('consentMode.categories', name),
          `no category named ${quote(name)}` + hint(name, Object.keys(categories)),
        );
  const consentModeKeys = consentModeMap(input);
  const owner = new Map<string, string>();
  for (const name of Object.keys(categories)) {
    const cat = categories[name];
    const path = at('categories', name);
    const required = own(cat, 'required') === true;
    const exception = own(cat, 'basis') === STATISTICAL_EXCEPTION;
    if (required && exception)
      fail(out, at(path, 'basis'), 'a required category cannot use the statistical exception');
    const adKeys = (consentModeKeys[name] ?? []).filter((k) => AD_KEYS.includes(k));
    if (exception && adKeys.length)
      fail(
        out,
        at(path, 'basis'),
        `a category that grants ${adKeys.join(', ')} (Consent Mode) has ad features, so it cannot use the statistical exception`,
      );
    const entries = own(cat, 'services');
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, i) => {
      if (typeof entry != 'string' || !NAME.test(entry)) return; // reported by the shape check
      const entryPath = at(at(path, 'services'), i);
      const svc = serviceInput(services, entry);
      const presetName = own(svc, 'preset') as string;
      if (!svc) {
        const names = [...(isObj(services) ? Object.keys(services) : []), ...PRESET_NAMES];
        fail(out, entryPath, `no service named ${quote(entry)} in services` + hint(entry, names));
      } else if (owner.has(entry)) {
        fail(out, entryPath, `${quote(entry)} is already in category ${quote(owner.get(entry)!)}`);
      } else {
        owner.set(entry, name);
        if (required && NEEDS_CONSENT.includes(presetName))
          fail(
            out,
            entryPath,
            `${quote(entry)} cannot be in a required category: ${presetName} always needs consent`,
          );
        // DUAA exception: first-party aggregate statistics only (COMPLIANCE R31).
        if (exception) checkStatisticalException(entry, svc, entryPath, out);
      }
    });
  }
  if (isObj(services))
    for (const name of Object.keys(services))
      if (!owner.has(name) && NAME.test(name))
        fail(out, at('services', name), 'not listed in any category');
}

/**
 * A service in a `statistical-exception` category: never one that sets third-party cookies or
 * whose provider uses the data for its own ends (advertising); Google Analytics, or anything
 * loaded from another host, only with the site's written acknowledgement that the provider acts
 * for the site alone.
 */
function checkStatisticalException(entry: string, svc: Obj, path: string, out: Problems) {
  const presetName = own(svc, 'preset') as string;
  const refuse = (why: string) =>
    fail(out, path, `${quote(entry)} ${why}, so it cannot use the statistical exception`);
  if (cookiesOf(svc).some((c) => own(c, 'party') === 'third')) return refuse('sets third-party cookies');
  if (OWN_PURPOSES.includes(presetName))
    return refuse(`is ${presetName}, whose provider uses the data for its own purposes, advertising included`);
  if (has(svc, 'statisticalExceptionAcknowledgement')) return;
  const hosts = own(svc, 'hosts') ?? (has(PRESET_SERVICES, presetName) ? PRESET_SERVICES[presetName as PresetName].hosts : []);
  const why =
    presetName == 'google-analytics' || has(svc, 'measurementId')
      ? 'is Google Analytics, and Google may use the data for its own purposes'
      : Array.isArray(hosts) && hosts.length
        ? `loads from other hosts (${hosts.slice(0, 2).join(', ')})`
        : '';
  if (why)
    fail(
      out,
      path,
      `${quote(entry)} ${why}: it can use the statistical exception only with "statisticalExceptionAcknowledgement" on the service, saying the provider uses the data only to give you statistics`,
    );
}

/**
 * Validates a catalogue (an object, or its JSON text) and expands its presets, texts included
 * (`preset-texts.ts`). On failure, `problems` lists every problem found, each with a JSON path
 * such as `services.youtube.cookies[2].name`.
 */
export function parseCatalogue(input: unknown): ParseResult {
  const result = parseCatalogueWithoutTexts(input);
  if (result.ok) addPresetTexts(result.catalogue);
  return result;
}

/**
 * `parseCatalogue` without the presets' texts (descriptions, cookies' purposes and expiries): the
 * script tag's core, whose first layer shows none of them; the elements bundle adds them.
 */
export function parseCatalogueWithoutTexts(input: unknown): ParseResult {
  const out: Problems = [];
  try {
    if (typeof input == 'string') {
      try {
        input = JSON.parse(input);
      } catch (e) {
        return {
          ok: false,
          problems: [{ path: '$', message: 'not valid JSON: ' + (e as Error).message }],
        };
      }
    }
    if (!isObj(input))
      return { ok: false, problems: [{ path: '$', message: 'expected an object' }] };
    catalogueShape(input, '', out);
    checkReferences(input, out);
    return out.length
      ? { ok: false, problems: out }
      : { ok: true, catalogue: expand(input, PRESET_SERVICES), problems: [] };
  } catch {
    // Only a hostile object (a throwing getter or Proxy) gets here; JSON text cannot.
    fail(out, '$', 'could not be read');
    return { ok: false, problems: out };
  }
}

/** One `path: message` line per problem, for the console. */
export const formatProblems = (problems: readonly CatalogueProblem[]): string =>
  problems.map((p) => `${p.path}: ${p.message}`).join('\n');

/**
 * The resolved catalogue, or undefined after a console error naming every problem. `parse` is
 * `parseCatalogue`, or in the script tag's core `parseCatalogueWithoutTexts`.
 */
export function validCatalogue(input: unknown, parse: (input: unknown) => ParseResult): Catalogue | undefined {
  const result = parse(input);
  if (result.ok) return result.catalogue;
  console.error(
    `consent-gate: the cookie catalogue is invalid, so nothing non-essential will run:\n${formatProblems(result.problems)}`,
  );
  return undefined;
}
