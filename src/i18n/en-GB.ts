/** English (en-GB) strings: GOV.UK cookie-banner wording. Every visible and accessible string. */
export const enGB = {
  'banner.label': 'Cookies on {site}',
  'banner.heading': 'Cookies on {site}',
  'banner.essential': 'We use some essential cookies to make this website work.',
  'banner.additional':
    "We'd also like to use analytics cookies to understand how you use the website, and to show videos, posts and polls from other organisations, such as YouTube, Facebook and X, which set their own cookies.",
  'banner.accept': 'Accept additional cookies',
  'banner.reject': 'Reject additional cookies',
  'banner.viewCookies': 'View cookies',
  'banner.accepted': "You've accepted additional cookies.",
  'banner.rejected': "You've rejected additional cookies.",
  'banner.changeSettings': 'You can change your cookie settings at any time.',
  'banner.changeSettingsLink': 'change your cookie settings',
  'banner.hide': 'Hide cookie message',
};

/** The keys every locale must translate; a site overrides any of them from the catalogue's `texts`. */
export type StringKey = keyof typeof enGB;
export type StringTable = Record<StringKey, string>;
