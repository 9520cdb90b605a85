/**
 * The English (en-GB) strings beyond the banner's first layer and the embeds' placeholders: the
 * preferences dialog, the cookies page, cookie tables, and the well-known categories' descriptions
 * and questions. Added to the string lookup by `add-en.ts`: on import for npm (the elements'
 * registration modules import it), and in the script tag with the elements bundle
 * (`consent-gate-ui-elements.min.js`), the only one that shows them — a first visit's banner does
 * not download them.
 */
export const enMore = {
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
  'preferences.save': 'Save cookie settings',
  /** The question for one service of a category that has several (`{service}`: its title). */
  'preferences.serviceQuestion': 'Do you want to accept cookies from {service}?',

  // The cookies page (<consent-preferences>), after Save: a link back to where the visitor was.
  'cookiesPage.back': 'Go back to the page you were looking at',

  // Cookie tables.
  'cookies.name': 'Name',
  'cookies.purpose': 'Purpose',
  'cookies.expires': 'Expires',

  // Built-in texts for the well-known categories (a catalogue's `description` wins).
  'category.essential.description':
    'Essential cookies make this website work, for example by remembering your cookie settings. You cannot turn them off.',
  'category.analytics.description':
    'Analytics cookies collect information about how you use this website, such as which pages you visit, so we can improve it.',
  'category.analytics.question': 'Do you want to accept analytics cookies?',
  'category.embeds.description':
    'Videos, posts and other content from organisations such as YouTube, Facebook and X set their own cookies when they appear in our pages.',
  'category.embeds.question': 'Do you want to accept cookies from videos and social media posts?',
  'category.functional.description':
    'These cookies remember choices you make, such as your language, so you do not have to make them again.',
  'category.functional.question': 'Do you want to accept cookies that remember your settings?',
  'category.marketing.description':
    'Marketing cookies help us and other organisations show you adverts and measure how well they work.',
  'category.marketing.question': 'Do you want to accept marketing cookies?',
};
