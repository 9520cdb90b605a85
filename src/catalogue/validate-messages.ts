/**
 * The validator's messages: what each problem `validate.ts` finds says, in English, for the
 * console and `consent-gate validate`. Apart from the checks, so the script tag's core (fetched on
 * every first visit) carries the checks only: a catalogue that fails them is refused at once, and
 * the messages (`consent-gate-errors.min.js`, `src/errors-tag.ts`) are fetched to say why. The npm
 * entries and the command import them with the validator (`parseCatalogue`).
 */
import type { CatalogueProblem } from './types.js';

/** A message's arguments, as `validate.ts` passes them with a code. */
type Args = readonly unknown[];

/** Quotes a value from the input for a message, cut short so hostile input stays readable. */
const quote = (s: unknown) => {
  const text = String(s);
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text);
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

/** A service refused the statistical exception, and why. */
const refusedException = (entry: string, why: string) =>
  `${quote(entry)} ${why}, so it cannot use the statistical exception`;
/** A service that may use the exception only with the site's acknowledgement, and why. */
const unacknowledged = (entry: string, why: string) =>
  `${quote(entry)} ${why}: it can use the statistical exception only with "statisticalExceptionAcknowledgement" on the service, saying the provider uses the data only to give you statistics`;

/** Every message, by the code `validate.ts` reports (`Finding`); arguments as it passes them. */
const MESSAGES = {
  json: (message: string) => 'not valid JSON: ' + message,
  unreadable: () => 'could not be read',
  object: () => 'expected an object',
  array: () => 'expected an array',
  string: () => 'expected a string',
  nonEmpty: () => 'expected a non-empty string',
  boolean: () => 'expected true or false',
  required: () => 'is required',
  requiredWithoutPreset: () => 'is required for a service without a preset',
  unknownKey: (key: string, known: readonly string[]) => 'unknown key' + hint(key, known),
  name: () => 'expected a name of letters, digits, - and _ (at most 64, not starting with - or _)',
  cookieGlob: () => "expected a cookie name: letters, digits and !#$%&'+-.^_`|~ (* is a wildcard)",
  cookieName: () => "expected a cookie name: letters, digits and !#$%&'+-.^_`|~",
  cookiePath: () => 'expected a path starting with /',
  host: () => 'expected a bare hostname such as www.example.com',
  lang: () => 'expected a language tag such as en or cy',
  textKey: () => 'expected a text key such as banner.heading',
  localised: () => 'expected text, or an object of language → text such as {"en": "…", "cy": "…"}',
  url: (value: string) => {
    // Name the scheme when there is one (`javascript:`, `data:`): the likeliest hostile input.
    const scheme = /^\s*([a-z][\w+.-]{0,20}):/i.exec(value)?.[1];
    const refused = scheme && !/^https?$/.test(scheme) ? `${scheme.toLowerCase()}: URLs are not allowed; ` : '';
    return refused + 'expected an https: URL or a path starting with /';
  },
  preset: (value: string, presets: readonly string[]) =>
    `unknown preset ${quote(value)}` + (hint(value, presets) || `; presets: ${presets.join(', ')}`),
  party: () => 'expected "first" or "third"',
  measurementId: () => 'expected a GA4 measurement ID such as G-ABC123',
  acknowledgement: () =>
    'expected a sentence (20 characters or more) saying the provider uses the data only to give you statistics',
  basis: () => 'expected "consent" or "statistical-exception"',
  consentModeKey: (keys: readonly string[]) => `expected one of ${keys.join(', ')}`,
  waitForUpdate: () => 'expected a whole number of milliseconds from 0 to 10000',
  revision: () => 'expected a positive integer',
  consentMode: () => 'expected true, false or an object of settings',
  receiptsUrl: () => 'expected a path on this site such as /consent-receipts: receipts are never sent to another site',
  gpc: () => 'expected "banner" or "silent"',
  days: () => 'expected a whole number of days from 1 to 730',
  noCategories: () => 'expected at least one category',
  noCategory: (name: string, names: readonly string[]) => `no category named ${quote(name)}` + hint(name, names),
  noService: (entry: string, names: readonly string[]) =>
    `no service named ${quote(entry)} in services` + hint(entry, names),
  alreadyIn: (entry: string, owner: string) => `${quote(entry)} is already in category ${quote(owner)}`,
  needsConsent: (entry: string, preset: string) =>
    `${quote(entry)} cannot be in a required category: ${preset} always needs consent`,
  unlisted: () => 'not listed in any category',
  requiredException: () => 'a required category cannot use the statistical exception',
  adKeysException: (keys: readonly string[]) =>
    `a category that grants ${keys.join(', ')} (Consent Mode) has ad features, so it cannot use the statistical exception`,
  thirdPartyException: (entry: string) => refusedException(entry, 'sets third-party cookies'),
  ownPurposesException: (entry: string, preset: string) =>
    refusedException(entry, `is ${preset}, whose provider uses the data for its own purposes, advertising included`),
  unacknowledgedAnalytics: (entry: string) =>
    unacknowledged(entry, 'is Google Analytics, and Google may use the data for its own purposes'),
  /** `hosts`: the first two, joined. */
  unacknowledgedHosts: (entry: string, hosts: string) => unacknowledged(entry, `loads from other hosts (${hosts})`),
} satisfies Record<string, (...args: never[]) => string>;

export type ProblemCode = keyof typeof MESSAGES;

/** A problem as the checks find it: its JSON path, its code, and what its message names. */
export interface Finding {
  path: string;
  code: ProblemCode;
  args?: Args;
}

/**
 * The problem with its message. A code this file does not know (an older errors file, cached
 * beside a newer core) is shown as itself.
 */
export const describeFinding = ({ path, code, args = [] }: Finding): CatalogueProblem => ({
  path,
  message: (MESSAGES[code] as ((...args: Args) => string) | undefined)?.(...args) ?? code,
});

/** One `path: message` line per problem, for the console. */
export const formatProblems = (problems: readonly CatalogueProblem[]): string =>
  problems.map((p) => `${p.path}: ${p.message}`).join('\n');

/** How the console's error for an invalid catalogue begins (the script tag's core says it too). */
export const INVALID_CATALOGUE = 'consent-gate: the cookie catalogue is invalid, so nothing non-essential will run';

/** The console's error for an invalid catalogue. */
export const invalidCatalogue = (problems: readonly CatalogueProblem[]): string =>
  `${INVALID_CATALOGUE}:\n${formatProblems(problems)}`;
