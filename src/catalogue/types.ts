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
  /**
   * Only for a service in a `statistical-exception` category that loads from another host or is
   * Google Analytics: the site's statement that the provider uses the data only to give this site
   * statistics (e.g. Google signals, data sharing and ads links are off). Without it the validator
   * refuses such a service in such a category.
   */
  statisticalExceptionAcknowledgement?: string;
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
  /**
   * Google Consent Mode v2 (basic mode). Default: on when a service uses the `google-analytics`
   * preset, off otherwise. `true` turns it on with the defaults; an object tunes it.
   */
  consentMode?: boolean | ConsentModeOptions;
  /** Sends a receipt of every decision to the site's own server. Default: none. */
  receipts?: ReceiptsOptions;
  /**
   * What a Global Privacy Control signal does when the visitor has not chosen: both refuse every
   * optional category; `banner` (default) still shows the banner, with a note, so the visitor
   * can choose otherwise; `silent` shows it only when asked (`data-consent-open`).
   */
  gpc?: GpcMode;
}

export type GpcMode = 'banner' | 'silent';

/** Consent Mode storage types a category can grant (`security_storage` is always granted). */
export type ConsentModeKey =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage';

export interface ConsentModeOptions {
  /**
   * Category name → the Consent Mode types it grants, replacing the defaults for the categories
   * named (defaults: `analytics` and any category holding `google-analytics` → analytics_storage;
   * `functional` → functionality_storage, personalization_storage; `marketing` → the ad_* types).
   * A type is granted when every category that maps to it is allowed.
   */
  categories?: { [category: string]: ConsentModeKey[] };
  /** Milliseconds gtag.js waits for an update before sending (`wait_for_update`). Default 500. */
  waitForUpdate?: number;
  /** `gtag('set', 'ads_data_redaction', true)`: redact ad click ids while ad_storage is denied. */
  adsDataRedaction?: boolean;
  /** `gtag('set', 'url_passthrough', true)`: pass click ids through links while storage is denied. */
  urlPassthrough?: boolean;
}

export interface ReceiptsOptions {
  /**
   * A path on this site (`/consent-receipts`) that receives each decision as a JSON POST sent with
   * `navigator.sendBeacon`. Full URLs are refused: receipts never leave the site.
   */
  url: string;
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

/** The `basis` of a category that may run before a choice (DUAA statistical exception). */
export const STATISTICAL_EXCEPTION = 'statistical-exception';

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
  /** Present only when Consent Mode is on. */
  consentMode?: ResolvedConsentMode;
  receipts?: ReceiptsOptions;
  /** Present only when the catalogue gives it; `banner` otherwise. */
  gpc?: GpcMode;
}

/** Consent Mode's settings after defaults, but the categories' types: what its default needs. */
export interface ConsentModeBasics {
  waitForUpdate: number;
  adsDataRedaction: boolean;
  urlPassthrough: boolean;
}

/** Consent Mode settings after defaults: every non-essential category has its list of types. */
export interface ResolvedConsentMode extends ConsentModeBasics {
  categories: { [category: string]: ConsentModeKey[] };
}

/** One problem found in a catalogue, with the JSON path to it. */
export interface CatalogueProblem {
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; catalogue: Catalogue; problems: [] }
  | { ok: false; problems: CatalogueProblem[] };
