// Which stand-in answers which request. Shared by the demo's third-party server and by tests that
// intercept real third-party URLs (e.g. Playwright's page.route), so both see the same behaviour:
//
//   import { standInResponse, fulfilWithStandIn } from '../../demo/stand-ins/routes.js';
//   await page.route((url) => url.hostname !== 'localhost', fulfilWithStandIn);
//
// Each stand-in answers on its demo path on any host (`/gtag/js`, `/youtube/embed/<id>`, …) and on
// the real service's URL (`https://www.googletagmanager.com/gtag/js`, `https://www.youtube-nocookie.com/embed/<id>`, …).
// Scripts derive their follow-up requests from their own `src`, so they stay on whichever origin
// served them.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const here = new URL('.', import.meta.url);

// Chromium (and every browser blocking third-party cookies, including Playwright's contexts) drops
// cookies set by a cross-site response unless they are `SameSite=None; Secure`, and then keeps them
// only if `Partitioned` (CHIPS). `Secure` is accepted on http://127.0.0.1 because loopback counts as a
// secure context. So the stand-ins' own-origin cookies carry these attributes, which is also what
// the real services send (or what a browser keeps of them today).
export const THIRD_PARTY_COOKIE_ATTRIBUTES = 'Path=/; SameSite=None; Secure; Partitioned';

const DAY = 24 * 3600;

/** The stand-ins and what each does, for the third-party origin's index page and for readers. */
export const STAND_INS = [
  { path: '/gtag/js?id=G-OAKFIELD1', realUrl: 'https://www.googletagmanager.com/gtag/js?id=G-…',
    does: 'Google Analytics: first-party _ga, _ga_<ID>, _gid, __utma, __utmz; beacon to /g/collect; badge [data-stand-in="google-analytics"]' },
  { path: '/youtube/embed/abc123?title=Sports%20day%202026', realUrl: 'https://www.youtube-nocookie.com/embed/<id>',
    does: 'YouTube player page: sets VISITOR_INFO1_LIVE and YSC on its own origin; <body data-stand-in="youtube">' },
  { path: '/facebook/sdk.js', realUrl: 'https://connect.facebook.net/en_GB/sdk.js',
    does: 'Facebook SDK: renders .fb-page feeds, first-party _fbp; fetches /facebook/plugins/page, which sets fr; [data-stand-in="facebook"]' },
  { path: '/twitter/widgets.js', realUrl: 'https://platform.twitter.com/widgets.js',
    does: 'X widgets.js: renders a.twitter-timeline; fetches /twitter/timeline, which sets guest_id; [data-stand-in="twitter"]' },
  { path: '/slido/event/oak2026', realUrl: 'https://app.sli.do/event/<code>',
    does: 'Slido event page with a poll: sets Slido.EventAuthTokens (strictly necessary) on its own origin; <body data-stand-in="slido">' },
  { path: '/g/collect', realUrl: 'https://www.google-analytics.com/g/collect',
    does: 'Analytics hits: 204 No Content' },
];

const TYPES = {
  js: 'text/javascript; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function file(name, headers) {
  const type = TYPES[name.split('.').pop()];
  return { status: 200, headers: { 'content-type': type, ...headers }, body: readFileSync(new URL(name, here)) };
}

function cookie(name, value, maxAgeSeconds, { httpOnly = true } = {}) {
  return `${name}=${value}; ${maxAgeSeconds ? `Max-Age=${maxAgeSeconds}; ` : ''}${THIRD_PARTY_COOKIE_ATTRIBUTES}${httpOnly ? '; HttpOnly' : ''}`;
}

function randomToken(bytes) {
  return randomBytes(bytes).toString('base64url');
}

// Credentialed fetches from the page need the origin echoed back; plain loads can have `*`.
function corsHeaders(origin) {
  return origin && origin !== 'null'
    ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' }
    : { 'access-control-allow-origin': '*' };
}

const YOUTUBE_HOST = /(^|\.)youtube(-nocookie)?\.com$/;
const SLIDO_HOST = /(^|\.)sli\.do$/;
const GA_HOST = /(^|\.)google-analytics\.com$|^www\.googletagmanager\.com$/;

/**
 * The stand-in response for a request, or null when no stand-in answers it.
 * @param {string | URL} input the full request URL
 * @param {{ method?: string, origin?: string }} [request] method and `Origin` request header
 * @returns {{ status: number, headers: Record<string, string | string[]>, body: Buffer | string } | null}
 *   `headers['set-cookie']`, when present, is an array (as node:http takes it).
 */
export function standInResponse(input, { method = 'GET', origin } = {}) {
  const url = new URL(input);
  const host = url.hostname;
  const path = url.pathname;
  const cors = corsHeaders(origin);

  if (method === 'OPTIONS') {
    return {
      status: 204,
      headers: { ...cors, 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type' },
      body: '',
    };
  }

  // Google Analytics
  if (path === '/gtag/js') return file('gtag.js', cors);
  if (path === '/g/collect' || (GA_HOST.test(host) && /^\/(g\/|j\/)?collect$/.test(path))) {
    return { status: 204, headers: cors, body: '' };
  }

  // YouTube player
  if (/^\/youtube\/embed\/[\w-]+$/.test(path) || (YOUTUBE_HOST.test(host) && /^\/embed\/[\w-]+$/.test(path))) {
    return file('youtube-embed.html', {
      'set-cookie': [
        cookie('VISITOR_INFO1_LIVE', randomToken(8), 180 * DAY), // about 6 months
        cookie('YSC', randomToken(8), 0), // session
      ],
    });
  }

  // Facebook SDK and the page plugin's data
  if (path === '/facebook/sdk.js' || (host === 'connect.facebook.net' && /^\/[a-z]{2}_[A-Z]{2}\/sdk\.js$/.test(path))) {
    return file('facebook-sdk.js', cors);
  }
  if (path === '/facebook/plugins/page') {
    return file('facebook-page.json', {
      ...cors,
      'set-cookie': [cookie('fr', `0${randomToken(12)}..${randomToken(6)}.AAA.0.0`, 90 * DAY)],
    });
  }

  // X (Twitter) widgets.js and the timeline's data
  if (path === '/twitter/widgets.js' || (host === 'platform.twitter.com' && path === '/widgets.js')) {
    return file('twitter-widgets.js', cors);
  }
  if (path === '/twitter/timeline') {
    const id = `v1%3A${Date.now()}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    return file('twitter-timeline.json', {
      ...cors,
      'set-cookie': [cookie('guest_id', id, 2 * 365 * DAY, { httpOnly: false })],
    });
  }

  // Slido
  if (/^\/slido\/event\/[\w-]+$/.test(path) || (SLIDO_HOST.test(host) && /^\/event\/[\w-]+/.test(path))) {
    // Slido's strictly necessary cookie, which it sets even before anyone votes.
    return file('slido-event.html', { 'set-cookie': [cookie('Slido.EventAuthTokens', randomToken(12), 365 * DAY)] });
  }

  return null;
}

/**
 * A Playwright route handler: fulfils the request with its stand-in, or lets it fall through to
 * the next handler (or the network) when none answers.
 * @param {import('playwright').Route} route
 */
export async function fulfilWithStandIn(route) {
  const request = route.request();
  const response = standInResponse(request.url(), {
    method: request.method(),
    origin: await request.headerValue('origin'),
  });
  if (!response) return route.fallback();
  const headers = {};
  for (const [name, value] of Object.entries(response.headers)) {
    // Playwright takes several Set-Cookie headers as one value joined by newlines.
    headers[name] = Array.isArray(value) ? value.join('\n') : value;
  }
  return route.fulfill({ status: response.status, headers, body: response.body });
}
