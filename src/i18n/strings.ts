/**
 * Picks the strings for an element and fills in `{site}`-style placeholders.
 *
 * Language: the element's `lang`, else the nearest `[lang]` ancestor, else `<html lang>`. `cy*` →
 * the built-in Welsh table; a language the catalogue's `texts` supply (`"ga"`, `"gd"`, `"pl"`…) →
 * those strings over the English ones; anything else → English (en-GB). The catalogue's `texts`
 * override any key per language, and may also give the language's own `site` name,
 * `cookiesPageUrl` and `policyUrl`.
 */
import type { Catalogue, LocalisedText } from '../catalogue/types.js';
import { cy } from './cy.js';
import { cyExpiry, cyPresetTexts } from './cy-presets.js';
import { enGB, type StringKey, type StringTable } from './en-GB.js';

export type { StringKey, StringTable };
/** `en-GB`, `cy`, or a language tag the catalogue's `texts` supply strings for. */
export type Locale = string;
export type Texts = Catalogue['texts'];

const TABLES: Record<string, StringTable> = { 'en-GB': enGB, cy };

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
  const table: Record<string, string> = { ...enGB, ...TABLES[locale], ...overridesFor(locale, texts) };
  return (key, extra) => {
    const all: Record<string, string> = { ...values, ...extra };
    return (table[key] ?? enGB[key]).replace(/\{(\w+)\}/g, (match, name: string) => all[name] ?? match);
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
  if (typeof text === 'string') return (locale === 'cy' && cyPresetTexts[text]) || text;
  return (
    text[locale] ?? text[primary(locale)] ?? text.en ?? text['en-GB'] ?? localise(Object.values(text)[0], locale)
  );
}

/** An expiry (`2 years`, `session`) in the locale's words where it follows the usual pattern. */
export function localiseExpiry(text: LocalisedText | undefined, locale: Locale): string {
  const value = localise(text, locale);
  return locale === 'cy' ? cyExpiry(value) : value;
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
