/**
 * The built-in presets without their texts: the services UK school sites embed most, with the
 * titles, providers, privacy links, hosts and cookie names their providers publish — what the
 * validator, the gate and the banner need. Their descriptions and the cookies' purposes and
 * expiries are apart (`preset-texts.ts`), so the script tag's first visit, whose banner shows none
 * of them, does not download them; `presets.ts` joins the two for npm and the command line.
 */
import { PRESET_COOKIES } from './preset-cookies.js';
import type { CookieDeclaration, PresetName, Service } from './types.js';

/**
 * What a preset supplies. A preset without `provider` is run by the site itself: the catalogue's
 * `site` becomes the provider and its `policyUrl` the privacy link.
 */
export type PresetService = Omit<Service, 'name' | 'category' | 'provider' | 'preset'> & {
  provider?: string;
};

const GOOGLE_PRIVACY = 'https://policies.google.com/privacy';

/** Cookies the provider sets on its own domain (the site can list them, never delete them). */
const third = (...names: string[]): CookieDeclaration[] => names.map((name) => ({ name, party: 'third' }));

export const PRESET_SERVICES: Record<PresetName, PresetService> = {
  'google-analytics': {
    title: 'Google Analytics',
    provider: 'Google',
    privacyUrl: GOOGLE_PRIVACY,
    hosts: [
      'www.googletagmanager.com',
      'www.google-analytics.com',
      'region1.google-analytics.com',
      'ssl.google-analytics.com',
      'analytics.google.com',
    ],
    cookies: PRESET_COOKIES['google-analytics'],
  },
  youtube: {
    title: 'YouTube',
    provider: 'Google (YouTube)',
    privacyUrl: GOOGLE_PRIVACY,
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
    cookies: third('VISITOR_INFO1_LIVE', 'YSC', 'VISITOR_PRIVACY_METADATA', 'PREF', '__Secure-YEC'),
  },
  facebook: {
    title: 'Facebook',
    provider: 'Meta',
    privacyUrl: 'https://www.facebook.com/privacy/policy/',
    hosts: ['www.facebook.com', 'connect.facebook.net', 'static.xx.fbcdn.net', 'scontent.xx.fbcdn.net'],
    cookies: [...PRESET_COOKIES.facebook, ...third('fr', 'datr', 'sb')],
  },
  twitter: {
    title: 'X (Twitter)',
    provider: 'X Corp.',
    privacyUrl: 'https://x.com/en/privacy',
    hosts: [
      'platform.twitter.com',
      'syndication.twitter.com',
      'cdn.syndication.twimg.com',
      'pbs.twimg.com',
      'abs.twimg.com',
      'x.com',
      'twitter.com',
    ],
    cookies: third('guest_id', 'personalization_id', 'muc_ads', 'guest_id_ads', 'guest_id_marketing'),
  },
  slido: {
    title: 'Slido',
    provider: 'Cisco (Slido)',
    privacyUrl: 'https://www.slido.com/terms/privacy-policy',
    hosts: ['app.sli.do', 'sli.do', 'static.sli.do', 'wall.sli.do'],
    cookies: third('Slido.EventAuthTokens', 'AWSALB', 'AWSALBCORS'),
  },
  'site-search': {
    title: 'Site search statistics',
    hosts: [],
    cookies: PRESET_COOKIES['site-search'],
  },
};
