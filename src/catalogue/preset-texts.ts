/**
 * The presets' texts: each service's description and its cookies' expiries and purposes, written
 * for parents, GOV.UK style. Only the second layer shows them (the preferences dialog's
 * services-and-cookies disclosure, `<consent-table>`, `<consent-preferences>`), so the script tag
 * carries them in `consent-gate-ui-elements.min.js`; npm and the command line have them in the
 * validated catalogue at once (`parseCatalogue`). `addPresetTexts` fills them into a catalogue
 * expanded without them (`preset-services.ts`).
 */
import type { Catalogue, CookieDeclaration, LocalisedText, PresetName } from './types.js';

// One cookie per line, so the data reads as the table it is: [name, expires, purpose].
type Row = [name: string, expires: string, purpose: string];

const GA_THROTTLE = 'Limits how often data is sent to Google Analytics.';

// prettier-ignore
export const PRESET_TEXTS: Record<PresetName, { description: string; cookies: Row[] }> = {
  'google-analytics': {
    description: 'Counts visits and shows us which pages are used, so we can improve the site.',
    cookies: [
      ['_ga', '2 years', 'Checks if you’ve visited the site before. This helps us count how many people visit.'],
      // Shown as `_ga_<measurement id>` once the catalogue gives `measurementId`.
      ['_ga_*', '2 years', 'Keeps track of your visit, so we can count visits and pages viewed.'],
      ['_gid', '24 hours', 'Checks if you’ve visited the site today. This helps us count how many people visit.'],
      ['_gat*', '1 minute', GA_THROTTLE],
      ['__utma', '2 years', 'Counts how many people visit the site and when you first and last visited.'],
      ['__utmb', '30 minutes', 'Records when your visit starts, to work out how long you stay.'],
      ['__utmc', 'session', 'Records when your visit ends, to work out how long you stay.'],
      ['__utmz', '6 months', 'Records how you reached the site, such as a search engine or a link.'],
      ['__utmv', '2 years', 'Records groups of visitors the site has chosen to report on.'],
      ['__utmt', '10 minutes', GA_THROTTLE],
      ['__utmx', '18 months', 'Records which version of a page you saw when we test changes.'],
      ['__utmxx', '18 months', 'Records when a test of page changes you saw comes to an end.'],
    ],
  },
  youtube: {
    description: 'Plays videos embedded in our pages. YouTube sets its own cookies when a video loads.',
    cookies: [
      // Expiries as Google's "How Google uses cookies" page gives them.
      ['VISITOR_INFO1_LIVE', '6 months', 'Remembers your YouTube settings and checks your connection speed, so videos play smoothly.'],
      ['YSC', 'session', 'Checks that requests during your visit come from you, and counts video views.'],
      ['VISITOR_PRIVACY_METADATA', '6 months', 'Remembers your cookie choices for YouTube.'],
      ['PREF', '8 months', 'Remembers player settings such as autoplay and video size.'],
      ['__Secure-YEC', '13 months', 'Remembers your YouTube settings and helps YouTube find and fix problems.'],
    ],
  },
  facebook: {
    description: 'Shows our Facebook page in our pages. Meta sets its own cookies when the feed loads.',
    cookies: [
      ['_fbp', '3 months', 'Tells your browser apart so Meta can measure and show adverts.'],
      ['fr', '3 months', 'Used by Meta to show adverts and measure how well they work.'],
      ['datr', '2 years', 'Identifies your browser to keep Facebook secure and stop fraud.'],
      ['sb', '2 years', 'Identifies your browser for Facebook log-in and security.'],
    ],
  },
  twitter: {
    description: 'Shows our posts on X in our pages. X sets its own cookies when the timeline loads.',
    cookies: [
      ['guest_id', '2 years', 'Identifies you to X as a visitor who is not logged in.'],
      ['personalization_id', '2 years', 'Records your activity on and off X to personalise content and adverts.'],
      ['muc_ads', '2 years', 'Used by X to show adverts and measure how well they work.'],
      ['guest_id_ads', '2 years', 'Identifies visitors who are not logged in, for X adverts.'],
      ['guest_id_marketing', '2 years', 'Identifies visitors who are not logged in, for X marketing.'],
    ],
  },
  slido: {
    description: 'Runs polls and questions in our training sessions. By default Slido sets only the cookies it needs to work.',
    cookies: [
      // Names as app.sli.do sets them. We found no published lifetime for the token cookie: the
      // year below is an estimate, to confirm against Slido's own cookie notice.
      ['Slido.EventAuthTokens', '1 year', 'Keeps you joined to the poll, so your votes and questions count once.'],
      // Amazon load-balancer stickiness; AWS documents a 7-day lifetime.
      ['AWSALB', '7 days', 'Sends your answers to the same Slido server, so the poll keeps working.'],
      ['AWSALBCORS', '7 days', 'Does the same as AWSALB for requests from embedded polls.'],
    ],
  },
  'site-search': {
    description: 'Counts what people search for on this site, so we can improve it.',
    cookies: [
      ['search_stats_id', 'session', 'Counts how often words are searched for and which searches find nothing.'],
    ],
  },
};

/** A preset's row for `cookie`: by its name, or a name it also matches (`_ga_<id>` matches `_ga_*`). */
export const presetRow = (preset: PresetName, cookie: CookieDeclaration): Row | undefined =>
  PRESET_TEXTS[preset].cookies.find(([name]) => name === cookie.name || cookie.match?.includes(name));

/**
 * Gives `service` (in place) `preset`'s description, and each of its cookies the preset's expiry
 * and purpose (`presetRow`), where it has none: a text the site wrote always stands, and a cookie
 * the site lists under one of the preset's names without a purpose or expiry gets the preset's.
 * For a catalogue's services (`addPresetTexts`) and the presets themselves (`presets.ts`).
 */
export function addTexts<S extends { description?: LocalisedText; cookies: CookieDeclaration[] }>(preset: PresetName, service: S): S {
  service.description ??= PRESET_TEXTS[preset].description;
  for (const cookie of service.cookies) {
    const row = presetRow(preset, cookie);
    if (!row) continue;
    cookie.expires ??= row[1];
    cookie.purpose ??= row[2];
  }
  return service;
}

/** Gives each preset service of `catalogue` its preset's texts (`addTexts`), in place. */
export function addPresetTexts(catalogue: Catalogue): Catalogue {
  for (const service of Object.values(catalogue.services)) if (service.preset) addTexts(service.preset, service);
  return catalogue;
}
