/**
 * Picks the string table for an element and fills in `{site}`-style placeholders.
 * Language: the element's `lang`, else the nearest `[lang]` ancestor, else `<html lang>`;
 * `cy*` → Welsh, anything else → English. The catalogue's `texts` override per language.
 */
import { cy } from './cy.js';
import { enGB, type StringKey, type StringTable } from './en-GB.js';

export type { StringKey, StringTable };
export type Locale = 'en-GB' | 'cy';

const TABLES: Record<Locale, StringTable> = { 'en-GB': enGB, cy };

export function localeOf(element: Element): Locale {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? '';
  return /^cy\b/i.test(lang) ? 'cy' : 'en-GB';
}

/** The catalogue's `texts` use short language keys (`en`, `cy`) or full tags (`en-GB`). */
function overridesFor(locale: Locale, texts: Record<string, Record<string, string>>): Record<string, string> {
  const short = locale.slice(0, 2);
  return { ...texts[short], ...texts[locale] };
}

export type Translate = (key: StringKey, values?: Record<string, string>) => string;

export function translator(locale: Locale, texts: Record<string, Record<string, string>> = {}, values: Record<string, string> = {}): Translate {
  const table = { ...TABLES[locale], ...overridesFor(locale, texts) };
  return (key, extra) => {
    const all = { ...values, ...extra };
    return (table[key] ?? enGB[key]).replace(/\{(\w+)\}/g, (match, name: string) => all[name] ?? match);
  };
}

/** A catalogue's per-language text (`"Polls"` or `{ "en": "Polls", "cy": "Polau" }`). */
export function localise(text: string | Record<string, string> | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale.slice(0, 2)] ?? text.en ?? text['en-GB'] ?? Object.values(text)[0] ?? '';
}
