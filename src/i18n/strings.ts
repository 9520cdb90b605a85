/**
 * Picks the strings for an element and fills in `{site}`-style placeholders.
 *
 * Language: the element's `lang`, else the nearest `[lang]` ancestor, else `<html lang>`. `cy*` →
 * the built-in Welsh table; a language the catalogue's `texts` supply (`"ga"`, `"gd"`, `"pl"`…) →
 * those strings over the English ones; anything else → English (en-GB). The catalogue's `texts`
 * override any key per language, and may also give the language's own `site` name,
 * `cookiesPageUrl` and `policyUrl`.
 *
 * The banner's English is always here; the rest of English is added by `add-en.ts`, with the
 * elements that show it (on import for npm; in the script tag's elements bundle). The Welsh
 * tables are added by `add-cy.ts`: on import for npm (the
 * elements' registration modules import it), or as a bundle of their own that the script-tag UI
 * fetches the first time an element is in Welsh (`setLocaleLoader`, `pendingLocale`).
 */
import type { Catalogue, LocalisedText } from '../catalogue/types.js';
import { enBanner } from './en-GB-banner.js';
import type { StringKey, StringTable } from './en-GB.js';

export type { StringKey, StringTable };
/** `en-GB`, `cy`, or a language tag the catalogue's `texts` supply strings for. */
export type Locale = string;
export type Texts = Catalogue['texts'];

/** A built-in locale beside English: its strings, and its words for the presets' English texts. */
export interface BuiltInLocale {
  strings: StringTable;
  /** Translations of the presets' texts, keyed by the English text. */
  presetTexts: Record<string, string>;
  /** An expiry (`2 years`) in the locale's words. */
  expiry: (text: string) => string;
}

/** The built-in locales that may come apart from English (and from this module). */
const BUILT_IN = ['cy'];
const LOCALES: Record<string, BuiltInLocale> = {};

/** English: the banner's strings, then the rest once `add-en.ts` has run. */
const english: Record<string, string> = { ...enBanner };

export function addEnglish(strings: Record<string, string>): void {
  Object.assign(english, strings);
}

export function addBuiltInLocale(locale: Locale, tables: BuiltInLocale): void {
  LOCALES[locale] = tables;
}

let loadLocale: ((locale: Locale) => Promise<unknown>) | undefined;
const loading: Record<string, Promise<void>> = {};
const unavailable = new Set<Locale>();

/** How to fetch a built-in locale's tables that are not here yet (the script-tag UI sets it). */
export function setLocaleLoader(load: (locale: Locale) => Promise<unknown>): void {
  loadLocale = load;
}

/**
 * While `locale`'s built-in tables are still on their way, the promise of their arrival (asking
 * for them the first time); else undefined: they are here, or `locale` needs none, or they could
 * not be fetched (then English stands in).
 */
export function pendingLocale(locale: Locale): Promise<void> | undefined {
  if (LOCALES[locale] || !loadLocale || !BUILT_IN.includes(locale) || unavailable.has(locale)) return undefined;
  return (loading[locale] ??= loadLocale(locale).then(
    () => {
      if (!LOCALES[locale]) unavailable.add(locale);
    },
    () => {
      unavailable.add(locale);
    },
  ));
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

export function localeOf(element: Element, texts: Texts = {}): Locale {
  const lang = (element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || '').trim();
  const short = primary(lang);
  if (short === 'cy') return 'cy';
  if (!short || short === 'en') return 'en-GB';
  // A language the site translated itself: its exact tag if given, else the primary language.
  const own = Object.keys(texts);
  return own.find((k) => k.toLowerCase() === lang.toLowerCase()) ?? own.find((k) => k.toLowerCase() === short) ?? 'en-GB';
}

/** The catalogue's overrides for a language: `texts.cy`, or `texts.en` then `texts["en-GB"]`. */
function overridesFor(locale: Locale, texts: Texts): Record<string, string> {
  const short = primary(locale);
  return { ...(short !== locale ? texts[short] : undefined), ...texts[locale] };
}

export type Translate = (key: StringKey, values?: Record<string, string>) => string;

export function translator(locale: Locale, texts: Texts = {}, values: Record<string, string> = {}): Translate {
  const table: Record<string, string> = { ...english, ...LOCALES[locale]?.strings, ...overridesFor(locale, texts) };
  return (key, extra) => {
    const all: Record<string, string> = { ...values, ...extra };
    // A key from a part of English that is not here shows as itself rather than breaking the page.
    return (table[key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => all[name] ?? match);
  };
}

// Same rule as the catalogue validator: an http(s) URL or a path on this site, nothing else.
const SAFE_URL = /^(https?:\/\/[^\s/\\?#]+|\/(?![/\\]))[^\s\\]*$/;

/**
 * The site's name and page links in a language: `texts.cy.site` ("Ysgol Gynradd Oakfield"),
 * `texts.cy.cookiesPageUrl` ("/cy/cwcis") win over the catalogue's own. An unsafe URL is ignored.
 */
export function siteDetails(catalogue: Catalogue, locale: Locale): { site: string; cookiesPageUrl?: string; policyUrl?: string } {
  const own = overridesFor(locale, catalogue.texts);
  const url = (value: string | undefined, fallback: string | undefined) =>
    typeof value === 'string' && SAFE_URL.test(value) ? value : fallback;
  return {
    site: own.site || catalogue.site,
    cookiesPageUrl: url(own.cookiesPageUrl, catalogue.cookiesPageUrl),
    policyUrl: url(own.policyUrl, catalogue.policyUrl),
  };
}

/**
 * A catalogue's per-language text (`"Polls"` or `{ "en": "Polls", "cy": "Polau" }`). In Welsh, the
 * built-in presets' English texts are translated; a site's own texts are shown as written.
 */
export function localise(text: LocalisedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return LOCALES[locale]?.presetTexts[text] || text;
  return (
    text[locale] ?? text[primary(locale)] ?? text.en ?? text['en-GB'] ?? localise(Object.values(text)[0], locale)
  );
}

/** An expiry (`2 years`, `session`) in the locale's words where it follows the usual pattern. */
export function localiseExpiry(text: LocalisedText | undefined, locale: Locale): string {
  const value = localise(text, locale);
  return LOCALES[locale]?.expiry(value) ?? value;
}

/**
 * "A, B and C" with the table's `list.and`. Welsh "a" becomes "ac" before a vowel, and a
 * lower-case word after it takes the aspirate mutation (a chwcis, a pholau, a thudalennau).
 */
export function listOf(items: string[], and: string): string {
  if (items.length < 2) return items.join('');
  let last = items[items.length - 1];
  if (and === 'a') {
    if (/^[aeiouwyâêîôûŵŷ]/i.test(last)) and = 'ac';
    else last = last.replace(/^([cpt])(?!h)/, '$1h');
  }
  return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}

/**
 * Whether an element can render in `locale` now. While the locale's built-in tables are on their
 * way, false, and the element updates once they are here: it shows nothing rather than English on
 * a Welsh page.
 */
export function localeReady(element: { requestUpdate(): void }, locale: Locale): boolean {
  const pending = pendingLocale(locale);
  pending?.then(() => element.requestUpdate());
  return !pending;
}
