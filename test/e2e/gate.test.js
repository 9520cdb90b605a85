// Whole-page journeys against the built script-tag bundle: what a tracker would see (requests,
// cookies) before a choice, after Reject, after Accept and after withdrawal.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestSite, openContext, siteCookieNames } from '../support/page.js';

const PAGE = '/test/e2e/pages/school.html';
const NON_ESSENTIAL = /^(_ga|_gid|_gat|__?utm|_fbp|fr$|guest_id|VISITOR_INFO1_LIVE|YSC)/;

// The test server and one browser, shared by this file's tests.
const env = useTestSite();

const banner = (page) => page.getByRole('region', { name: 'Cookies on Test Primary School' });
const accept = (page) => page.getByRole('button', { name: 'Accept additional cookies' });
const reject = (page) => page.getByRole('button', { name: 'Reject additional cookies' });

/** Lets late requests and timers settle before asserting that nothing happened. */
const settle = (page) => page.waitForTimeout(500);

describe('before a choice', () => {
  it('makes no third-party request and sets no non-essential cookie, whatever the visitor does short of choosing', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    await page.goto(env.server.origin() + PAGE);
    await banner(page).waitFor();
    // Scrolling, clicking the page, pressing Escape and waiting are not consent.
    await page.mouse.wheel(0, 2000);
    await page.getByRole('heading', { name: 'Test Primary School', level: 1 }).click();
    await page.keyboard.press('Escape');
    await settle(page);
    await page.reload();
    await banner(page).waitFor();
    await settle(page);
    assert.deepEqual(thirdParty, []);
    assert.deepEqual(await siteCookieNames(context), []);
    assert.equal(await page.locator('script[type="text/plain"]').count(), 4);
    assert.equal(await page.locator('iframe[src]').count(), 0);
    await context.close();
  });
});

describe('after Reject', () => {
  it('stays silent on this page and after reload, and stores the refusal', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    await page.goto(env.server.origin() + PAGE);
    await reject(page).click();
    await page.getByText("You've rejected additional cookies.").waitFor();
    await settle(page);
    await page.reload();
    await page.waitForFunction(() => window.consentGate?.record);
    await settle(page);
    assert.equal(await banner(page).isVisible(), false, 'no banner once the visitor has chosen');
    assert.deepEqual(thirdParty, []);
    assert.deepEqual(await siteCookieNames(context), ['cookie_preferences']);
    const record = await page.evaluate(() => window.consentGate.record);
    assert.deepEqual(record.categories, { analytics: false, embeds: false, polls: false });
    assert.equal(record.method, 'banner');
    assert.equal(record.revision, 2);
    assert.match(record.id, /^[0-9a-f-]{36}$/);
    await context.close();
  });
});

describe('after Accept', () => {
  it('runs every tracker and embed, in the page the visitor is on', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    await page.goto(env.server.origin() + PAGE);
    await accept(page).click();
    await page.getByText("You've accepted additional cookies.").waitFor();
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    await page.waitForFunction(() => document.querySelectorAll('iframe[src^="https:"]').length === 2);
    const hosts = new Set(thirdParty.map((u) => new URL(u).hostname));
    for (const host of ['www.googletagmanager.com', 'www.youtube-nocookie.com', 'connect.facebook.net', 'platform.twitter.com', 'app.sli.do']) {
      assert.ok(hosts.has(host), `${host} was contacted`);
    }
    const names = await siteCookieNames(context);
    for (const name of ['_ga', '_ga_TEST123', '_gid', '__utma', '__utmz']) assert.ok(names.includes(name), `${name} set`);
    // The inline gtag config ran after the stand-in defined the queue: every gtag command in the
    // dataLayer is an arguments object; the only plain objects are Tag Manager events (Consent Mode's
    // consent_update); never an array.
    const entries = await page.evaluate(() =>
      window.dataLayer.map((e) => (Object.prototype.toString.call(e) === '[object Arguments]' ? 'arguments' : e?.event ?? typeof e)),
    );
    assert.ok(entries.filter((t) => t === 'arguments').length >= 4, entries.join());
    assert.ok(entries.every((t) => t === 'arguments' || t === 'consent_update'), entries.join());
    await context.close();
  });
});

describe('withdrawal', () => {
  it('deletes _ga* and __utm* cookies on the host and its parent domain, and they do not come back', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    const origin = env.server.origin('www.oakfield.lancs.sch.uk');
    await page.goto(origin + PAGE);
    await accept(page).click();
    await page.waitForFunction(() => document.cookie.includes('_ga=') && document.cookie.includes('__utmz='));
    // Legacy notices' single-underscore spelling and a host-only copy, as old tags left them.
    await page.evaluate(() => {
      document.cookie = '_utma=legacy; path=/';
      document.cookie = '__utmb=host-only; path=/';
    });
    const before = await context.cookies();
    assert.ok(before.some((c) => c.name === '_ga' && c.domain === '.oakfield.lancs.sch.uk'), 'GA set _ga on the parent domain');

    // Withdraw through the API, as the preferences would; the page reloads to stop GA.
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.consentGate.update({ analytics: false }))]);
    const afterWithdrawal = (await context.cookies()).map((c) => c.name);
    for (const name of afterWithdrawal) assert.doesNotMatch(name, /^(_ga|_gid|__?utm)/, `${name} was deleted`);
    assert.ok(afterWithdrawal.includes('cookie_preferences'));

    const requestsBefore = thirdParty.filter((u) => u.includes('googletagmanager')).length;
    await page.reload();
    await settle(page);
    const names = (await context.cookies()).map((c) => c.name);
    assert.equal(names.filter((n) => /^(_ga|_gid|__?utm)/.test(n)).length, 0, 'analytics cookies stay gone');
    assert.equal(thirdParty.filter((u) => u.includes('googletagmanager')).length, requestsBefore, 'GA not loaded again');
    await context.close();
  });

  it('sweeps analytics cookies left from before on every page load while refused, never the public suffix', async () => {
    const { context, page } = await openContext(env.browser);
    const origin = env.server.origin('www.oakfield.lancs.sch.uk');
    await context.addCookies([
      { name: '_ga', value: 'old', domain: '.oakfield.lancs.sch.uk', path: '/' },
      { name: '__utma', value: 'old', domain: 'www.oakfield.lancs.sch.uk', path: '/' },
      { name: '__utmz', value: 'old', domain: '.oakfield.lancs.sch.uk', path: '/test/e2e' },
      { name: 'essential_session', value: 'keep', domain: 'www.oakfield.lancs.sch.uk', path: '/' },
    ]);
    await page.goto(origin + PAGE);
    await banner(page).waitFor();
    // While the banner asks, the gate (and its sweep) starts in a task after the banner's frame.
    await settle(page);
    const names = await siteCookieNames(context);
    assert.deepEqual(names, ['essential_session']);
    await context.close();
  });
});

describe('bad input fails closed', () => {
  it('ignores a tampered consent cookie: asks again, logs once, runs nothing', async () => {
    const { context, page, thirdParty, consoleWarnings } = await openContext(env.browser);
    const tampered = JSON.stringify({ v: 1, id: '3b241101-e2bb-4255-8caf-4136c566a962', ts: new Date().toISOString(), rev: 2, m: 'banner', c: { analytics: 'yes', embeds: 1, polls: 1 } });
    await context.addCookies([{ name: 'cookie_preferences', value: encodeURIComponent(tampered), domain: 'localhost', path: '/' }]);
    await page.goto(env.server.origin() + PAGE);
    await banner(page).waitFor();
    await settle(page);
    assert.deepEqual(thirdParty, []);
    assert.equal(consoleWarnings.filter((m) => m.includes('cookie_preferences') && m.includes('tampered')).length, 1);
    await context.close();
  });

  it('asks again when the stored choice answered an older catalogue revision', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    const old = JSON.stringify({ v: 1, id: '3b241101-e2bb-4255-8caf-4136c566a962', ts: new Date().toISOString(), rev: 1, m: 'banner', c: { analytics: 1, embeds: 1, polls: 1 } });
    await context.addCookies([{ name: 'cookie_preferences', value: encodeURIComponent(old), domain: 'localhost', path: '/' }]);
    await page.goto(env.server.origin() + PAGE);
    await banner(page).waitFor();
    await settle(page);
    assert.deepEqual(thirdParty, []);
    await context.close();
  });

  /** A first visit to a page whose catalogue names a service it does not declare (a typo). */
  async function openInvalid({ errorsFile = true } = {}) {
    const opened = await openContext(env.browser);
    const { context, page } = opened;
    await context.route('**/catalogue.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ site: 'X', revision: 1, categories: { analytics: { services: ['google-analytic'] } } }) }),
    );
    const library = [];
    context.on('request', (request) => {
      const file = new URL(request.url()).pathname.match(/\/(consent-gate[\w-]*\.min\.js)$/)?.[1];
      if (file) library.push(file);
    });
    if (!errorsFile) await context.route('**/consent-gate-errors.min.js', (route) => route.abort());
    await page.goto(env.server.origin() + PAGE);
    await page.waitForFunction(() => window.consentGate);
    await settle(page);
    await page.evaluate(() => window.consentGate.acceptAll());
    await settle(page);
    return { ...opened, library };
  }

  it('with an invalid catalogue names the problem and runs nothing, even if asked to', async () => {
    const { context, page, thirdParty, consoleErrors, library } = await openInvalid();
    assert.deepEqual(thirdParty, []);
    // The messages come from beside the core, fetched only now (a valid catalogue's first visit
    // downloads the gate and the core alone: ui-bundles.test.js).
    assert.deepEqual(library, ['consent-gate.min.js', 'consent-gate-core.min.js', 'consent-gate-errors.min.js']);
    const expected =
      'consent-gate: the cookie catalogue is invalid, so nothing non-essential will run:\n' +
      'categories.analytics.services[0]: no service named "google-analytic" in services (did you mean "google-analytics"?)';
    assert.deepEqual(consoleErrors, [expected]);
    assert.equal(await page.locator('consent-banner').count(), 0);
    await context.close();
  });

  it('with an invalid catalogue and its messages unreachable, still names the path and runs nothing', async () => {
    const { context, page, thirdParty, consoleErrors } = await openInvalid({ errorsFile: false });
    assert.deepEqual(thirdParty, []);
    const refusal = consoleErrors.filter((m) => m.startsWith('consent-gate: the cookie catalogue is invalid'));
    assert.deepEqual(refusal, [
      'consent-gate: the cookie catalogue is invalid, so nothing non-essential will run (categories.analytics.services[0]: noService).',
    ]);
    assert.ok(consoleErrors.some((m) => m.includes('could not load') && m.includes('consent-gate-errors.min.js')), consoleErrors.join('\n'));
    assert.equal(await page.locator('consent-banner').count(), 0);
    assert.equal(await page.locator('script[type="text/plain"]').count(), 4);
    await context.close();
  });
});

describe('in a browser below README’s floor (no document.adoptedStyleSheets: Safari before 16.4)', () => {
  const OLD_BROWSER = `Object.defineProperty(Document.prototype, 'adoptedStyleSheets', { configurable: true, get: () => undefined, set() {} });`;

  it('fails closed, for a first visit and for a stored Accept: nothing gated runs, one console error, the page still works', async () => {
    // A stored Accept first, in a browser that has everything.
    const { context, page } = await openContext(env.browser);
    await page.goto(env.server.origin() + PAGE);
    await accept(page).click();
    await page.waitForFunction(() => window.consentGate?.record?.method === 'banner');
    const stored = (await context.cookies()).filter((c) => c.name === 'cookie_preferences');
    await context.close();

    for (const cookies of [[], stored]) {
      const old = await openContext(env.browser, { initScript: OLD_BROWSER });
      await old.context.addCookies(cookies);
      await old.page.goto(env.server.origin() + PAGE);
      await old.page.waitForLoadState('load');
      await settle(old.page);
      assert.deepEqual(old.thirdParty, [], 'no request to a tracker');
      assert.equal(await old.page.locator('script[type="text/plain"]').count(), 4, 'every gated script still inert');
      assert.equal(await old.page.locator('iframe[src]').count(), 0);
      assert.equal(old.consoleErrors.length, 1, old.consoleErrors.join('\n'));
      assert.match(old.consoleErrors[0], /^consent-gate: failed to start; nothing more will run\./);
      // The page's own content and script are untouched.
      assert.equal(await old.page.getByRole('heading', { name: 'Test Primary School', level: 1 }).isVisible(), true);
      await old.context.close();
    }
  });
});
