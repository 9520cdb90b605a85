/**
 * English (en-GB) strings: GOV.UK cookie-banner and cookies-page wording. Every visible and
 * accessible string of the banner, the preferences, the cookies page and the embed placeholders.
 * `{name}` placeholders are filled in by `translator()`; a site overrides any key per language from
 * the catalogue's `texts`.
 */
export const enGB = {
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

  // The preferences dialog (second layer).
  'preferences.heading': 'Cookie settings',
  'preferences.intro': 'Choose which additional cookies we can use. You can change your choice at any time.',
  'preferences.close': 'Close',
  'preferences.alwaysOn': 'Always on',
  'preferences.exception': 'This is on unless you turn it off. It does not identify you.',
  /** The question for a category without a built-in one (`{title}`: its title). */
  'preferences.question': 'Do you want to accept cookies for {title}?',
  /** The question for a statistical-exception category (on until turned off). */
  'preferences.exceptionQuestion': 'Do you want to allow {title}?',
  'preferences.yes': 'Yes',
  'preferences.no': 'No',
  'preferences.details': 'Services and cookies',
  'preferences.setBy': 'Set by {provider}.',
  'preferences.privacy': '{provider} privacy policy',
  'preferences.newTab': '(opens in new tab)',
  'preferences.save': 'Save cookie settings',
  /** The question for one service of a category that has several (`{service}`: its title). */
  'preferences.serviceQuestion': 'Do you want to accept cookies from {service}?',

  // The cookies page (<consent-preferences>), after Save: a link back to where the visitor was.
  'cookiesPage.back': 'Go back to the page you were looking at',

  // Embed placeholders (<consent-embed>), one wording per kind of content: video, posts, poll,
  // content. `{service}`: the service's title (YouTube); `{provider}`: who runs it (Google
  // (YouTube)); `{title}`: the embed's own title.
  'embed.video': 'This video is on {service}. If you play it here, {provider} will set cookies on your device.',
  'embed.posts': 'These posts are on {service}. If you show them here, {provider} will set cookies on your device.',
  'embed.poll': 'This poll is on {service}. If you join it here, {provider} will set cookies on your device.',
  'embed.content': 'This content is from {service}. If you show it here, {provider} will set cookies on your device.',
  /** The button that loads this one embed, for this page view. */
  'embed.load.video': 'Play video',
  'embed.load.posts': 'Show posts',
  'embed.load.poll': 'Join the poll',
  'embed.load.content': 'Show content',
  /** The button that allows the service on the whole site (stored). */
  'embed.always': 'Always allow {service}',
  /** A plain link to the content on the provider's own site. */
  'embed.link.video': 'Watch ‘{title}’ on {service}',
  'embed.link.posts': 'Read ‘{title}’ on {service}',
  'embed.link.poll': 'Open ‘{title}’ on {service}',
  'embed.link.content': 'See ‘{title}’ on {service}',

  /** The word before the last item of a list: "A, B and C". */
  'list.and': 'and',

  // Cookie tables.
  'cookies.name': 'Name',
  'cookies.purpose': 'Purpose',
  'cookies.expires': 'Expires',

  // Built-in texts for the well-known categories (a catalogue's `title`/`description` win).
  'category.essential.title': 'Essential cookies',
  'category.essential.description':
    'Essential cookies make this website work, for example by remembering your cookie settings. You cannot turn them off.',
  'category.analytics.title': 'Cookies that measure website use',
  'category.analytics.description':
    'Analytics cookies collect information about how you use this website, such as which pages you visit, so we can improve it.',
  'category.analytics.question': 'Do you want to accept analytics cookies?',
  'category.analytics.purpose': 'analytics cookies to understand how you use the website',
  'category.embeds.title': 'Cookies from videos and social media posts',
  'category.embeds.description':
    'Videos, posts and other content from organisations such as YouTube, Facebook and X set their own cookies when they appear in our pages.',
  'category.embeds.question': 'Do you want to accept cookies from videos and social media posts?',
  'category.embeds.purpose': 'cookies that let us show videos and posts from other websites',
  'category.functional.title': 'Cookies that remember your settings',
  'category.functional.description':
    'These cookies remember choices you make, such as your language, so you do not have to make them again.',
  'category.functional.question': 'Do you want to accept cookies that remember your settings?',
  'category.functional.purpose': 'cookies that remember your settings',
  'category.marketing.title': 'Marketing cookies',
  'category.marketing.description':
    'Marketing cookies help us and other organisations show you adverts and measure how well they work.',
  'category.marketing.question': 'Do you want to accept marketing cookies?',
  'category.marketing.purpose': 'marketing cookies to show adverts and measure how well they work',
  /** The banner phrase for a category without a built-in one (`{title}`: its title). */
  'category.other.purpose': 'cookies for {title}',
};

/** The keys every locale must translate; a site overrides any of them from the catalogue's `texts`. */
export type StringKey = keyof typeof enGB;
export type StringTable = Record<StringKey, string>;
