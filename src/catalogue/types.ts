/**
 * The cookie catalogue: what a site declares (input, as JSON) and what the gate works from
 * (resolved, after validation and preset expansion). `catalogue.schema.json` describes the
 * input shape; `test/node/schema.test.js` keeps the two in step.
 */

/** A string in one language, or per language (`{ "en": "Polls", "cy": "Polau" }`). */
export type LocalisedText = string | { [lang: string]: string };

/** One cookie (or family of cookies) a service sets. */
export interface CookieDeclaration {
  /** Name as shown in the cookie table. `*` is a wildcard: `_ga_*`, `_gat*`. */
  name: string;
  /** Extra names (wildcards allowed) that deletion also matches, e.g. the `_utma` misspelling. */
  match?: string[];
  purpose?: LocalisedText;
  /** Human expiry as published in the privacy notice: `2 years`, `session`, `30 minutes`. */
  expires?: LocalisedText;
  /** Path the cookie is set on, when not `/`; the sweep deletes it there too. */
  path?: string;
  /** Who sets it: `first` (this site, readable and deletable here) or `third` (provider's domain). */
  party?: 'first' | 'third';
}

/** A service as a site writes it in the catalogue (every field optional when `preset` is given). */
export interface ServiceInput {
  preset?: PresetName;
  title?: LocalisedText;
  provider?: string;
  privacyUrl?: string;
  description?: LocalisedText;
  /** Hosts the service loads from; used by embeds and audits. */
  hosts?: string[];
  cookies?: CookieDeclaration[];
  /** GA4 measurement id (`G-XXXXXXX`), for the `google-analytics` preset. */
  measurementId?: string;
}

export interface CategoryInput {
  /** Essential: always on, never asked, never swept. */
  required?: boolean;
  /**
   * `statistical-exception` (DUAA, off by default): first-party aggregate statistics that may run
   * before a choice, with a one-click objection. Default `consent`.
   */
  basis?: CategoryBasis;
  title?: LocalisedText;
  description?: LocalisedText;
  /** Names of entries in `services`; a preset name not in `services` means that preset as-is. */
  services?: string[];
}

export interface CatalogueInput {
  $schema?: string;
  site: string;
  revision: number;
  policyUrl?: string;
  cookiesPageUrl?: string;
  categories: { [name: string]: CategoryInput };
  services?: { [name: string]: ServiceInput };
  /** Per-language string overrides: `{ "cy": { "banner.heading": "Cwcis ar {site}" } }`. */
  texts?: { [lang: string]: { [key: string]: string } };
  /** Consent cookie settings. */
  cookie?: ConsentCookieOptions;
}

export interface ConsentCookieOptions {
  /** Default `cookie_preferences`. */
  name?: string;
  /** Lifetime in days of a choice, accept or reject alike. Default 365. */
  days?: number;
  /** Share the choice across subdomains, e.g. `myschool.sch.uk`. Default: host only. */
  domain?: string;
}

export type PresetName =
  | 'google-analytics'
  | 'youtube'
  | 'facebook'
  | 'twitter'
  | 'slido'
  | 'site-search';

/** A service after preset expansion: every field the gate and UI need is present. */
export interface Service {
  name: string;
  /** The category this service belongs to. */
  category: string;
  title: LocalisedText;
  provider: string;
  privacyUrl?: string;
  description?: LocalisedText;
  hosts: string[];
  cookies: CookieDeclaration[];
  measurementId?: string;
  preset?: PresetName;
}

export type CategoryBasis = 'consent' | 'statistical-exception';

export interface Category {
  name: string;
  required: boolean;
  /** Present only when the catalogue gives it. */
  basis?: CategoryBasis;
  title?: LocalisedText;
  description?: LocalisedText;
  services: Service[];
}

export interface Catalogue {
  site: string;
  revision: number;
  policyUrl?: string;
  cookiesPageUrl?: string;
  /** In declaration order. */
  categories: Category[];
  services: { [name: string]: Service };
  texts: { [lang: string]: { [key: string]: string } };
  cookie: Required<Omit<ConsentCookieOptions, 'domain'>> & { domain?: string };
}

/** One problem found in a catalogue, with the JSON path to it. */
export interface CatalogueProblem {
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; catalogue: Catalogue; problems: [] }
  | { ok: false; problems: CatalogueProblem[] };
