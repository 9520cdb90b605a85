// The three consent managers under test, each wired the way its own documentation recommends,
// on the same school page with the same trackers (served by the demo's stand-ins).
//
// Every system gets the same wording for its first-layer buttons, so the benchmark can find and
// press them by text, as a visitor would.
export const ACCEPT_TEXT = 'Accept additional cookies';
export const REJECT_TEXT = 'Reject additional cookies';

const GA = (tp) => `${tp}/gtag/js?id=G-BENCH1`;
const GA_INLINE = `window.dataLayer = window.dataLayer || [];
    function gtag(){dataLayer.push(arguments);}
    gtag('js', new Date());
    gtag('config', 'G-BENCH1');`;

const catalogue = {
  site: 'Oakfield Primary School',
  revision: 1,
  policyUrl: '/privacy-notice#cookies',
  cookiesPageUrl: '/cookies',
  categories: {
    essential: { required: true },
    analytics: { services: ['google-analytics'] },
    embeds: { services: ['youtube', 'facebook', 'twitter'] },
    polls: { services: ['slido'] },
  },
  services: {
    'google-analytics': { preset: 'google-analytics', measurementId: 'G-BENCH1' },
    youtube: { preset: 'youtube' },
    facebook: { preset: 'facebook' },
    twitter: { preset: 'twitter' },
    slido: { preset: 'slido' },
  },
};

export const systems = {
  'consent-gate': {
    label: 'consent-gate',
    files: [/\/assets\/consent-gate\//],
    head: () => `<script type="application/json" id="cookie-catalogue">${JSON.stringify(catalogue)}</script>
  <script src="/assets/consent-gate/consent-gate.min.js" data-catalogue="#cookie-catalogue"></script>`,
    gated: (src) => `<script type="text/plain" data-consent="analytics" src="${src}"></script>`,
    ga: (tp) => `<script type="text/plain" data-consent="analytics" async src="${GA(tp)}"></script>
  <script type="text/plain" data-consent="analytics">${GA_INLINE}</script>`,
    // The library's own placeholders, as its README shows (only first visits are measured with
    // embeds, so nothing behind them loads).
    embeds: () => `
    <consent-embed service="youtube" src="https://www.youtube.com/watch?v=abc123" title="Sports day"></consent-embed>
    <consent-embed service="facebook" src="https://www.facebook.com/OakfieldPrimary" title="News from our Facebook page"></consent-embed>
    <consent-embed service="twitter" src="https://x.com/OakfieldPrimary" title="Our posts on X"></consent-embed>
    <consent-embed service="slido" src="https://app.sli.do/event/oak2026" title="Parents' evening poll"></consent-embed>`,
    foot: () => '',
  },

  'vanilla-cookieconsent': {
    label: 'vanilla-cookieconsent 3.1 (+ iframemanager 1.3 with embeds)',
    files: [/\/assets\/cookieconsent\//, /\/assets\/iframemanager\//, /\/cc-config\.js/],
    head: ({ embeds }) => `<link rel="stylesheet" href="/assets/cookieconsent/cookieconsent.css">
  ${embeds ? '<link rel="stylesheet" href="/assets/iframemanager/iframemanager.css">' : ''}`,
    gated: (src) => `<script type="text/plain" data-category="analytics" src="${src}"></script>`,
    ga: (tp) => `<script type="text/plain" data-category="analytics" async src="${GA(tp)}"></script>
  <script type="text/plain" data-category="analytics">${GA_INLINE}</script>`,
    embeds: (tp) => `
    <div data-service="youtube" data-id="abc123" data-title="Sports day" data-autoscale></div>
    <div class="fb-page" data-href="https://www.facebook.com/OakfieldPrimary"></div>
    <script type="text/plain" data-category="embeds" async src="${tp}/facebook/sdk.js"></script>
    <a class="twitter-timeline" href="https://x.com/OakfieldPrimary">Posts by Oakfield Primary</a>
    <script type="text/plain" data-category="embeds" async src="${tp}/twitter/widgets.js"></script>
    <div data-service="slido" data-id="oak2026" data-title="Poll" data-autoscale></div>`,
    // The library documents `type="module"` loading of the UMD/ESM build after the page.
    foot: ({ embeds }) => `${embeds ? '<script defer src="/assets/iframemanager/iframemanager.js"></script>' : ''}
  <script defer src="/assets/cookieconsent/cookieconsent.umd.js"></script>
  <script defer src="/cc-config.js?embeds=${embeds ? 1 : 0}"></script>`,
  },

  klaro: {
    label: 'Klaro 0.7',
    files: [/\/assets\/klaro\//, /\/klaro-config\.js/],
    head: () => `<script defer src="/klaro-config.js"></script>
  <script defer data-config="klaroConfig" src="/assets/klaro/klaro.js"></script>`,
    gated: (src) => `<script type="text/plain" data-type="text/javascript" data-name="google-analytics" data-src="${src}"></script>`,
    ga: (tp) => `<script type="text/plain" data-type="text/javascript" data-name="google-analytics" data-src="${GA(tp)}" async></script>
  <script type="text/plain" data-type="text/javascript" data-name="google-analytics">${GA_INLINE}</script>`,
    embeds: (tp) => `
    <iframe data-name="youtube" data-src="${tp}/youtube/embed/abc123?title=Sports%20day" title="Sports day (YouTube video)" width="560" height="315"></iframe>
    <div class="fb-page" data-href="https://www.facebook.com/OakfieldPrimary"></div>
    <script type="text/plain" data-type="text/javascript" data-name="facebook" data-src="${tp}/facebook/sdk.js" async></script>
    <a class="twitter-timeline" href="https://x.com/OakfieldPrimary">Posts by Oakfield Primary</a>
    <script type="text/plain" data-type="text/javascript" data-name="twitter" data-src="${tp}/twitter/widgets.js" async></script>
    <iframe data-name="slido" data-src="${tp}/slido/event/oak2026" title="Poll (Slido)" width="400" height="300"></iframe>`,
    foot: () => '',
  },
};

/** vanilla-cookieconsent's config, as its docs show (run() after the UMD build loaded). */
export function cookieconsentConfig(tp, embeds) {
  return `(function () {
  ${embeds ? `var im = iframemanager();
  im.run({
    currLang: 'en',
    services: {
      youtube: {
        embedUrl: '${tp}/youtube/embed/{data-id}',
        iframe: { allow: 'accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen;' },
        languages: { en: { notice: 'This content is hosted by a third party. By showing the external content you accept the terms and conditions of youtube.com.', loadBtn: 'Play video', loadAllBtn: "Don't ask again" } }
      },
      slido: {
        embedUrl: '${tp}/slido/event/{data-id}',
        languages: { en: { notice: 'This poll is hosted by Slido.', loadBtn: 'Join the poll', loadAllBtn: "Don't ask again" } }
      }
    }
  });` : ''}
  CookieConsent.run({
    hideFromBots: false, // the benchmark drives a headless browser
    guiOptions: { consentModal: { layout: 'bar', position: 'bottom' } },
    categories: {
      necessary: { enabled: true, readOnly: true },
      analytics: { autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }, { name: /^__utm/ }] } },
      embeds: { services: { youtube: { label: 'YouTube'${embeds ? ", onAccept: function () { im.acceptService('youtube'); }, onReject: function () { im.rejectService('youtube'); }" : ''} } } },
      polls: { services: { slido: { label: 'Slido'${embeds ? ", onAccept: function () { im.acceptService('slido'); }, onReject: function () { im.rejectService('slido'); }" : ''} } } }
    },
    language: {
      default: 'en',
      translations: {
        en: {
          consentModal: {
            title: 'Cookies on Oakfield Primary School',
            description: "We use some essential cookies to make this website work. We'd also like to use analytics cookies and show videos, posts and polls from other organisations, which set their own cookies.",
            acceptAllBtn: '${ACCEPT_TEXT}',
            acceptNecessaryBtn: '${REJECT_TEXT}',
            showPreferencesBtn: 'Choose cookies'
          },
          preferencesModal: {
            title: 'Cookie settings',
            acceptAllBtn: 'Accept all',
            acceptNecessaryBtn: 'Reject all',
            savePreferencesBtn: 'Save',
            closeIconLabel: 'Close',
            sections: [
              { title: 'Essential cookies', description: 'These make the website work.', linkedCategory: 'necessary' },
              { title: 'Analytics cookies', description: 'Google Analytics.', linkedCategory: 'analytics' },
              { title: 'Embedded content', description: 'YouTube, Facebook, X.', linkedCategory: 'embeds' },
              { title: 'Polls', description: 'Slido.', linkedCategory: 'polls' }
            ]
          }
        }
      }
    }
  });
})();`;
}

/** Klaro's config, as its docs show (a global `klaroConfig` read by klaro.js). */
export function klaroConfig() {
  return `var klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 365,
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  noticeAsModal: false,
  translations: {
    en: {
      privacyPolicyUrl: '/privacy-notice',
      consentNotice: { description: "We use some essential cookies to make this website work. We'd also like to use analytics cookies and show videos, posts and polls from other organisations, which set their own cookies." },
      ok: '${ACCEPT_TEXT}',
      decline: '${REJECT_TEXT}',
      purposes: { analytics: 'Analytics', embeds: 'Embedded content', polls: 'Polls' }
    }
  },
  services: [
    { name: 'google-analytics', title: 'Google Analytics', purposes: ['analytics'], cookies: [/^_ga/, '_gid', /^__utm/] },
    { name: 'youtube', title: 'YouTube', purposes: ['embeds'] },
    { name: 'facebook', title: 'Facebook', purposes: ['embeds'] },
    { name: 'twitter', title: 'X', purposes: ['embeds'] },
    { name: 'slido', title: 'Slido', purposes: ['polls'] }
  ]
};`;
}

/** The same school page for every system. */
export function page(system, { thirdParty, embeds = false, gatedScripts = 0 }) {
  const s = systems[system];
  const gated = Array.from({ length: gatedScripts }, (_, i) => s.gated(`/gated/${i}.js`)).join('\n  ');
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Oakfield Primary School</title>
  ${s.head({ embeds })}
  ${s.ga(thirdParty)}
  <link rel="stylesheet" href="/bench.css">
</head>
<body>
  <a class="skip" href="#main">Skip to main content</a>
  <header><p class="brand">Oakfield Primary School</p>
    <nav aria-label="Main"><a href="/">Home</a> <a href="/our-school">Our school</a> <a href="/news">News</a> <a href="/cookies">Cookies</a></nav>
  </header>
  <main id="main">
    <h1>Welcome to Oakfield Primary School</h1>
    <p>We are a friendly village primary school for children aged 4 to 11.</p>
    ${Array.from({ length: 6 }, (_, i) => `<article><h2>News item ${i + 1}</h2><p>Year ${i + 1} had a wonderful week: a trip to the museum, a science fair and a sponsored walk raising money for the library.</p></article>`).join('\n    ')}
    ${embeds ? s.embeds(thirdParty) : ''}
  </main>
  <footer><p>Oakfield Primary School, Church Lane, Millbrook.</p><a href="/cookies" data-consent-open>Cookie settings</a></footer>
  ${gated}
  ${s.foot({ embeds })}
</body>
</html>`;
}
