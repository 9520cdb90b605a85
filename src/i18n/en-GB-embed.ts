/**
 * The English (en-GB) strings of the embeds' placeholders (`<consent-embed>`), with the privacy
 * policy link they share with the preferences dialog. Added to the string lookup by `add-en.ts`
 * (npm, and the script tag's elements bundle, whose dialog links privacy policies too) and by the
 * script tag's embed bundle (`consent-gate-ui-embed.min.js`), so a page whose only element is an
 * embed does not download the rest of English.
 */
export const enEmbed = {
  // Privacy policy links (embed placeholders, the preferences dialog).
  'preferences.privacy': '{provider} privacy policy',
  'preferences.newTab': '(opens in new tab)',

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
};
