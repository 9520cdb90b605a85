/**
 * The English (en-GB) strings of the banner's first layer: its question, buttons and confirmations,
 * and the category titles and purposes it names. Always here (in the script tag, with the core);
 * the rest of the English table is `en-GB-more.ts`. Wording: GOV.UK's cookie banner.
 */
export const enBanner = {
  // The banner (first layer).
  'banner.label': 'Cookies on {site}',
  'banner.heading': 'Cookies on {site}',
  'banner.essential': 'We use some essential cookies to make this website work.',
  /** `{purposes}`: the optional categories' `category.*.purpose` phrases, as a list. */
  'banner.additional': "We'd also like to use {purposes}.",
  /** `{services}`: the services run by other organisations, as a list. */
  'banner.thirdParties': 'Other organisations set some of these cookies: {services}.',
  /** Shown while the refusal in force came from the browser's Global Privacy Control signal. */
  'banner.gpc':
    'Your browser asked websites not to share or sell your data (Global Privacy Control), so additional cookies are off. You can still choose.',
  /**
   * A statistical-exception category without a description of its own (`{title}`): it runs until
   * the visitor turns it off.
   */
  'banner.exception': '{title}: on unless you turn it off. It does not identify you.',
  'banner.accept': 'Accept additional cookies',
  'banner.reject': 'Reject additional cookies',
  'banner.choose': 'Choose cookies',
  'banner.turnOff': 'Turn off {title}',
  'banner.viewCookies': 'View cookies',
  'banner.accepted': "You've accepted additional cookies.",
  'banner.rejected': "You've rejected additional cookies.",
  'banner.saved': "You've set your cookie preferences.",
  'banner.turnedOff': "You've turned off {title}.",
  /** `{link}` becomes a link with the `banner.changeSettingsLink` text. */
  'banner.changeSettings': 'You can {link} at any time.',
  'banner.changeSettingsLink': 'change your cookie settings',
  'banner.hide': 'Hide this message',

  /** The word before the last item of a list: "A, B and C". */
  'list.and': 'and',

  // The well-known categories' titles and the banner's phrases for them (a catalogue's `title` wins).
  'category.essential.title': 'Essential cookies',
  'category.analytics.title': 'Cookies that measure website use',
  'category.analytics.purpose': 'analytics cookies to understand how you use the website',
  'category.embeds.title': 'Cookies from videos and social media posts',
  'category.embeds.purpose': 'cookies that let us show videos and posts from other websites',
  'category.functional.title': 'Cookies that remember your settings',
  'category.functional.purpose': 'cookies that remember your settings',
  'category.marketing.title': 'Marketing cookies',
  'category.marketing.purpose': 'marketing cookies to show adverts and measure how well they work',
  /** The banner phrase for a category without a built-in one (`{title}`: its title). */
  'category.other.purpose': 'cookies for {title}',
};
