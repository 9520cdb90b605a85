// Whole-page test harness: a Chromium that resolves *.sch.uk to this machine, and pages whose
// every request to a host other than the test site is recorded and answered by a local stand-in
// (the same stand-ins the demo serves), so tests can assert on what a tracker would see.
import { after, before } from 'node:test';
import { chromium } from 'playwright';
import { launchOptions } from './browser.js';
import { standInFor } from './stand-ins.js';
import { startTestServer } from './server.js';

export const SITE_HOSTS = new Set(['localhost', '127.0.0.1', 'www.oakfield.lancs.sch.uk', 'oakfield.lancs.sch.uk']);

export function launchBrowser() {
  return chromium.launch(launchOptions(['--host-resolver-rules=MAP *.sch.uk 127.0.0.1']));
}

/**
 * For a node:test file: starts the test server and one browser before its tests and closes both
 * after. Returns `{ server, browser }`, filled in once `before` has run.
 */
export function useTestSite() {
  const env = {};
  before(async () => {
    env.server = await startTestServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A fresh browser context (no cookies) with third-party routing.
 * Returns { context, page, thirdParty, consoleErrors, consoleWarnings }.
 */
export async function openContext(browser, { initScript } = {}) {
  const context = await browser.newContext();
  const thirdParty = [];
  const consoleErrors = [];
  const consoleWarnings = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (SITE_HOSTS.has(url.hostname) || url.protocol === 'data:') return route.continue();
    thirdParty.push(url.href);
    // The Origin header too: a stand-in answers a credentialed fetch (the Facebook and X feeds')
    // with that origin, as CORS requires, rather than `*`.
    const request = route.request();
    return route.fulfill(await standInFor(url, { method: request.method(), origin: await request.headerValue('origin') }));
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
    if (message.type() === 'warning') consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  return { context, page, thirdParty, consoleErrors, consoleWarnings };
}

/** Cookie names the browser holds for the test site (any domain form), sorted. */
export async function siteCookieNames(context) {
  const cookies = await context.cookies();
  return cookies.filter((c) => SITE_HOSTS.has(c.domain.replace(/^\./, '')) || c.domain.endsWith('sch.uk')).map((c) => c.name).sort();
}
