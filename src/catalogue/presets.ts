/**
 * Built-in presets: the services UK school sites embed most, with the cookie names, expiries,
 * hosts and privacy links their providers publish. A catalogue names a preset and overrides only
 * what differs (see `parseCatalogue`). Purposes are written for parents, GOV.UK style.
 */
import { GA_COOKIES, LEGACY_GA_COOKIES, PRESET_COOKIES } from './preset-cookies.js';
import type { CookieDeclaration, PresetName, Service } from './types.js';

/**
 * What a preset supplies. A preset without `provider` is run by the site itself: the catalogue's
 * `site` becomes the provider and its `policyUrl` the privacy link.
 */
export type PresetService = Omit<Service, 'name' | 'category' | 'provider' | 'preset'> & {
  provider?: string;
};

const GOOGLE_PRIVACY = 'https://policies.google.com/privacy';
const GA_THROTTLE = 'Limits how often data is sent to Google Analytics.';

// Compact rows keep the largest part of the gate bundle readable: [name, expires, purpose].
type Row = [name: string, expires: string, purpose: string];
const rows = (party: 'first' | 'third', list: Row[]): CookieDeclaration[] =>
  list.map(([name, expires, purpose]) => ({ name, purpose, expires, party }));

/**
 * A preset's first-party cookies (`preset-cookies.ts`) with their expiry and purpose, given as
 * rows by name. (Rows, not an object keyed by name: the gate bundles mangle `_`-prefixed keys.)
 */
type GaName = (typeof GA_COOKIES)[number] | (typeof LEGACY_GA_COOKIES)[number];
const described = <Name extends string>(preset: PresetName, list: [name: Name, expires: string, purpose: string][]): CookieDeclaration[] =>
  PRESET_COOKIES[preset].map((c) => {
    const [, expires, purpose] = list.find(([name]) => name === c.name)!;
    return { ...c, purpose, expires };
  });

// One cookie per line, so the data reads as the table it is.
// prettier-ignore
export const PRESETS: Record<PresetName, PresetService> = {
  'google-analytics': {
    title: 'Google Analytics',
    provider: 'Google',
    privacyUrl: GOOGLE_PRIVACY,
    description: 'Counts visits and shows us which pages are used, so we can improve the site.',
    hosts: [
      'www.googletagmanager.com',
      'www.google-analytics.com',
      'region1.google-analytics.com',
      'ssl.google-analytics.com',
      'analytics.google.com',
    ],
    // prettier-ignore
    cookies: described<GaName>('google-analytics', [
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
    ]),
  },
  youtube: {
    title: 'YouTube',
    provider: 'Google (YouTube)',
    privacyUrl: GOOGLE_PRIVACY,
    description: 'Plays videos embedded in our pages. YouTube sets its own cookies when a video loads.',
    hosts: [
      'www.youtube-nocookie.com',
      'www.youtube.com',
      'youtube.com',
      'i.ytimg.com',
      's.ytimg.com',
      'yt3.ggpht.com',
      'googlevideo.com',
      'www.google.com',
    ],
    // Expiries as Google's "How Google uses cookies" page gives them.
    cookies: rows('third', [
      ['VISITOR_INFO1_LIVE', '6 months', 'Remembers your YouTube settings and checks your connection speed, so videos play smoothly.'],
      ['YSC', 'session', 'Checks that requests during your visit come from you, and counts video views.'],
      ['VISITOR_PRIVACY_METADATA', '6 months', 'Remembers your cookie choices for YouTube.'],
      ['PREF', '8 months', 'Remembers player settings such as autoplay and video size.'],
      ['__Secure-YEC', '13 months', 'Remembers your YouTube settings and helps YouTube find and fix problems.'],
    ]),
  },
  facebook: {
    title: 'Facebook',
    provider: 'Meta',
    privacyUrl: 'https://www.facebook.com/privacy/policy/',
    description: 'Shows our Facebook page in our pages. Meta sets its own cookies when the feed loads.',
    hosts: ['www.facebook.com', 'connect.facebook.net', 'static.xx.fbcdn.net', 'scontent.xx.fbcdn.net'],
    cookies: [
      ...described('facebook', [['_fbp', '3 months', 'Tells your browser apart so Meta can measure and show adverts.']]),
      ...rows('third', [
        ['fr', '3 months', 'Used by Meta to show adverts and measure how well they work.'],
        ['datr', '2 years', 'Identifies your browser to keep Facebook secure and stop fraud.'],
        ['sb', '2 years', 'Identifies your browser for Facebook log-in and security.'],
      ]),
    ],
  },
  twitter: {
    title: 'X (Twitter)',
    provider: 'X Corp.',
    privacyUrl: 'https://x.com/en/privacy',
    description: 'Shows our posts on X in our pages. X sets its own cookies when the timeline loads.',
    hosts: [
      'platform.twitter.com',
      'syndication.twitter.com',
      'cdn.syndication.twimg.com',
      'pbs.twimg.com',
      'abs.twimg.com',
      'x.com',
      'twitter.com',
    ],
    cookies: rows('third', [
      ['guest_id', '2 years', 'Identifies you to X as a visitor who is not logged in.'],
      ['personalization_id', '2 years', 'Records your activity on and off X to personalise content and adverts.'],
      ['muc_ads', '2 years', 'Used by X to show adverts and measure how well they work.'],
      ['guest_id_ads', '2 years', 'Identifies visitors who are not logged in, for X adverts.'],
      ['guest_id_marketing', '2 years', 'Identifies visitors who are not logged in, for X marketing.'],
    ]),
  },
  slido: {
    title: 'Slido',
    provider: 'Cisco (Slido)',
    privacyUrl: 'https://www.slido.com/terms/privacy-policy',
    description: 'Runs polls and questions in our training sessions. By default Slido sets only the cookies it needs to work.',
    hosts: ['app.sli.do', 'sli.do', 'static.sli.do', 'wall.sli.do'],
    // Names as app.sli.do sets them. We found no published lifetime for the token cookie: the
    // year below is an estimate, to confirm against Slido's own cookie notice.
    cookies: rows('third', [
      ['Slido.EventAuthTokens', '1 year', 'Keeps you joined to the poll, so your votes and questions count once.'],
      // Amazon load-balancer stickiness; AWS documents a 7-day lifetime.
      ['AWSALB', '7 days', 'Sends your answers to the same Slido server, so the poll keeps working.'],
      ['AWSALBCORS', '7 days', 'Does the same as AWSALB for requests from embedded polls.'],
    ]),
  },
  'site-search': {
    title: 'Site search statistics',
    description: 'Counts what people search for on this site, so we can improve it.',
    hosts: [],
    cookies: described('site-search', [
      ['search_stats_id', 'session', 'Counts how often words are searched for and which searches find nothing.'],
    ]),
  },
};
