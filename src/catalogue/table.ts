/**
 * The cookie table of a privacy notice, as content: categories in catalogue order, each with a
 * caption and one row per declared cookie (name, purpose, expiry, who sets it, first or third
 * party). Pure — no DOM, no Lit — so the `consent-gate table` command (Markdown/HTML for a static
 * notice) and the `<consent-table>` element render the very same content.
 */
import { SHORT_PATH_KEY } from '../bundle-keys.js';
import {
  TABLE_STRINGS,
  welshUnits,
  type TableLocale,
  type TableStringKey,
} from './table-strings.js';
import type { Catalogue, CookieDeclaration, LocalisedText, Service } from './types.js';

export type { TableLocale, TableStringKey } from './table-strings.js';

export interface CookieTableRow {
  /** The cookie's name as declared (`_ga`, `_ga_ABC123`, `_gat*`). */
  name: string;
  /** The catalogue service that declares it (`google-analytics`); '' for the consent cookie. */
  service: string;
  provider: string;
  /** The provider's privacy notice, when known. */
  privacyUrl?: string;
  /** `first`: set on this site's domain; `third`: on the provider's own domain. */
  party: 'first' | 'third';
  /** `First party` / `Third party`, localised. */
  partyText: string;
  /** Who sets it, in a phrase: `This website`, `Google, on this website`, `Meta`. */
  setBy: string;
  purpose: string;
  expires: string;
}

export interface CookieTableSection {
  /** The category's name in the catalogue (`analytics`). */
  category: string;
  required: boolean;
  caption: string;
  /** The catalogue's description of the category, when it gives one. */
  description?: string;
  rows: CookieTableRow[];
}

export interface CookieTable {
  locale: TableLocale;
  /** The table's own strings: column headings, the empty-category line, party words. */
  strings: Record<TableStringKey, string>;
  sections: CookieTableSection[];
}

/** A catalogue text in `locale`: the exact tag, then its language, then English, then any. */
export function localiseText(text: LocalisedText | undefined, locale: TableLocale): string {
  if (text === undefined) return '';
  if (typeof text == 'string') return text;
  const language = locale.slice(0, 2);
  return text[locale] ?? text[language] ?? text['en-GB'] ?? text.en ?? Object.values(text)[0] ?? '';
}

const DURATION = /^(\d+)\s+(year|month|week|day|hour|minute|second)s?$/i;

/**
 * An expiry as the table shows it: `session` becomes "When you close your browser", and in Welsh
 * the durations catalogues and presets write in English ("2 years") are put in Welsh ("2 flynedd").
 * Anything else is shown as written.
 */
function expiryText(text: LocalisedText | undefined, locale: TableLocale, session: string): string {
  const value = localiseText(text, locale).trim();
  if (/^session$/i.test(value)) return session;
  const duration = DURATION.exec(value);
  if (duration && locale == 'cy' && (typeof text == 'string' || !text?.cy)) {
    const n = Number(duration[1]);
    return `${n} ${welshUnits[duration[2].toLowerCase()](n)}`;
  }
  return value;
}

/** The consent cookie's lifetime in whole years where it is one, else in days. */
const consentCookieExpiry = (days: number): string =>
  days % 365 == 0 ? `${days / 365} year${days == 365 ? '' : 's'}` : `${days} days`;

/** Puts a catalogue text (a title, a description, a purpose) in a language. */
export type TextLocaliser = (text: LocalisedText | undefined, locale: TableLocale) => string;

/**
 * Builds the cookie table of a validated catalogue (`parseCatalogue(…).catalogue`) in English
 * (`en-GB`) or Welsh (`cy`). The consent cookie itself is listed first among the essential
 * cookies; a catalogue without a required category gets an essential section for it.
 * `localise` reads the catalogue's texts: `localiseText` by default; the element and the command
 * pass `src/i18n`'s `localise`, which also puts the presets' own English texts into Welsh (this
 * module may not import `i18n/`). `scriptTag`: the site runs the script tag, whose short-path memo
 * (`localStorage` key `consent-gate`, see `src/gate/short-path.ts`) is listed after the consent
 * cookie, with the same lifetime.
 */
export function cookieTable(
  catalogue: Catalogue,
  locale: TableLocale = 'en-GB',
  localise: TextLocaliser = localiseText,
  { scriptTag = false }: { scriptTag?: boolean } = {},
): CookieTable {
  const texts = catalogue.texts ?? {};
  // A site may override any `table.…` string, and caption its own categories
  // (`"texts": { "cy": { "table.caption.polls": "Cwcis polau" } }`).
  const overrides = Object.entries({ ...texts[locale.slice(0, 2)], ...texts[locale] }).filter(
    ([key]) => key.startsWith('table.'),
  );
  const siteStrings: Record<string, string> = Object.fromEntries(overrides);
  const strings = { ...TABLE_STRINGS[locale], ...siteStrings } as Record<TableStringKey, string>;
  const fill = (key: TableStringKey, values: Record<string, string>) =>
    strings[key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
  const expires = (text: LocalisedText | undefined) =>
    expiryText(text, locale, strings['table.session']);

  const row = (
    cookie: CookieDeclaration,
    service: Pick<Service, 'name' | 'provider' | 'privacyUrl' | 'description'>,
  ): CookieTableRow => {
    const party = cookie.party ?? 'first';
    const bySite = service.provider == catalogue.site;
    return {
      name: cookie.name,
      service: service.name,
      provider: service.provider,
      // The site's own cookies are explained by the notice the table sits in.
      ...(service.privacyUrl && !bySite ? { privacyUrl: service.privacyUrl } : {}),
      party,
      partyText: strings[party == 'first' ? 'table.party.first' : 'table.party.third'],
      setBy:
        party == 'first' && bySite
          ? strings['table.setBy.site']
          : fill(party == 'first' ? 'table.setBy.first' : 'table.setBy.third', {
              provider: service.provider,
            }),
      purpose: localise(cookie.purpose ?? service.description, locale),
      expires: expires(cookie.expires),
    };
  };

  const own = (name: string, purpose: string) =>
    row(
      { name, purpose, expires: consentCookieExpiry(catalogue.cookie.days), party: 'first' },
      { name: '', provider: catalogue.site },
    );
  const consentRows = [own(catalogue.cookie.name, strings['table.consentCookie.purpose'])];
  if (scriptTag) consentRows.push(own(SHORT_PATH_KEY, strings['table.consentStorage.purpose']));

  const sections = catalogue.categories.map((category): CookieTableSection => {
    // The site's own caption for this language, its category title, ours, then the name itself.
    const key = `table.caption.${category.name}`;
    const caption =
      siteStrings[key] ||
      localise(category.title, locale) ||
      strings[key as TableStringKey] ||
      category.name.charAt(0).toUpperCase() + category.name.slice(1).replace(/[-_]/g, ' ');
    const description = localise(category.description, locale);
    return {
      category: category.name,
      required: category.required,
      caption,
      ...(description ? { description } : {}),
      rows: category.services.flatMap((service) => service.cookies.map((c) => row(c, service))),
    };
  });

  const essential = sections.find((s) => s.required);
  if (essential) essential.rows.unshift(...consentRows);
  else
    sections.unshift({
      category: 'essential',
      required: true,
      caption: strings['table.caption.essential'],
      rows: consentRows,
    });
  return { locale, strings, sections };
}

/**
 * Who sets a cookie, split around the provider's name so a renderer can link the name to the
 * provider's privacy notice: `Google, on this website` → `{ before: '', provider: 'Google',
 * after: ', on this website' }`. With no notice to link, `provider` is absent and `before` holds
 * the whole phrase.
 */
export function setByParts(row: CookieTableRow): { before: string; provider?: string; after: string } {
  const at = row.privacyUrl ? row.setBy.indexOf(row.provider) : -1;
  if (at < 0) return { before: row.setBy, after: '' };
  return { before: row.setBy.slice(0, at), provider: row.provider, after: row.setBy.slice(at + row.provider.length) };
}
