// The returning visitor's short path (src/script-tag.ts): while the consent cookie reads exactly as
// when the core wrote the short path's memo (src/gate/short-path.ts) for this very catalogue text,
// consent-gate.min.js runs the page alone, without fetching the core, the validator or the UI; any
// other page goes through the core, which validates first. What a visitor's browser
// would show: which of the library's files were requested, which gated scripts ran, the cookie.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useTestSite, openContext } from '../support/page.js';

const PAGE = '/test/e2e/pages/school.html';
const CATALOGUE = readFileSync(new URL('./pages/catalogue.json', import.meta.url), 'utf8');

const env = useTestSite();

const accept = (page) => page.getByRole('button', { name: 'Accept additional cookies' });
const banner = (page) => page.getByRole('region', { name: 'Cookies on Test Primary School' });

/**
 * An init script that runs `use` (the source of a function of the gate) the moment the gate
 * publishes `window.consentGate`: before it has read or validated its catalogue.
 */
const onGatePublished = (use) => `(() => {
  let gate;
  Object.defineProperty(window, 'consentGate', {
    configurable: true,
    get: () => gate,
    set(value) {
      gate = value;
      (${use})(value);
    },
  });
})();`;

// Asks `whenGranted('analytics')` as early as that, and counts `consent-change` events, as a page
// script or a tag manager would see them.
const WATCH = `window.__watch = { granted: false, changes: 0 };
document.addEventListener('consent-change', () => window.__watch.changes++);
${onGatePublished("(gate) => gate.whenGranted('analytics').then(() => (window.__watch.granted = true))")}`;
const consentUpdates = (page) =>
  page.evaluate(() => (window.dataLayer ?? []).filter((e) => e.event === 'consent_update').length);

/** Serves `text` as the page's catalogue, and records which of the library's files are fetched. */
async function visit(browser, text = CATALOGUE) {
  const opened = await openContext(browser, { initScript: WATCH });
  const library = [];
  const catalogue = { text };
  opened.context.on('request', (request) => {
    const file = new URL(request.url()).pathname.match(/^\/dist\/(consent-gate[\w-]*\.min\.js)$/)?.[1];
    if (file) library.push(file);
  });
  await opened.context.route('**/test/e2e/pages/catalogue.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: catalogue.text }),
  );
  return { ...opened, library, catalogue };
}

const storedWire = async (context) => {
  const cookie = (await context.cookies()).find((c) => c.name === 'cookie_preferences');
  return cookie && JSON.parse(decodeURIComponent(cookie.value));
};

/** Accepts on a first visit and lets what that started finish, then empties `library`. */
async function acceptThenReload(opened) {
  const { page, library } = opened;
  await page.goto(env.server.origin() + PAGE);
  await accept(page).click();
  await page.waitForFunction(() => window.consentGate?.record?.method === 'banner');
  // The accepted scripts' own requests must not be counted against the next page view.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  library.length = 0;
}

describe('a returning visitor', () => {
  it('downloads only consent-gate.min.js when the stored choice carries this catalogue’s fingerprint, and the gate still runs', async () => {
    const opened = await visit(env.browser);
    const { context, page, library, thirdParty } = opened;
    await page.goto(env.server.origin() + PAGE);
    await banner(page).waitFor();
    // One file after the gate holds the validator and the banner: a single round trip.
    assert.deepEqual(library, ['consent-gate.min.js', 'consent-gate-core.min.js'], 'a first visit validates and shows the banner');
    await acceptThenReload(opened);
    const wire = await storedWire(context);
    assert.match(wire.f, /^[0-9a-z]{1,16}$/, 'the choice stores the catalogue fingerprint');

    thirdParty.length = 0;
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('script[type="text/plain"]').length === 0);
    await page.waitForTimeout(500);
    assert.deepEqual(library, ['consent-gate.min.js']);
    assert.ok(thirdParty.some((url) => url.startsWith('https://www.googletagmanager.com/gtag/js')), 'gated analytics ran');
    assert.equal(await banner(page).count(), 0);
    assert.deepEqual(await page.evaluate(() => window.consentGate.record.categories), { analytics: true, embeds: true, polls: true });

    // A decision made from the short path fetches the decisions first, then applies. (Polls: only
    // an iframe, so withdrawing them needs no reload.)
    const applied = await page.evaluate(() => window.consentGate.update({ polls: false }));
    assert.equal(applied, true);
    assert.deepEqual(library, ['consent-gate.min.js', 'consent-gate-core.min.js']);
    assert.deepEqual((await storedWire(context)).c, { analytics: 1, embeds: 1, polls: 0 });
    await context.close();
  });

  it('validates again when the catalogue text changed, keeps the choice, and stores the new fingerprint', async () => {
    const opened = await visit(env.browser);
    const { context, page, library, catalogue } = opened;
    await acceptThenReload(opened);
    const before = await storedWire(context);
    // Same revision, one more space: not the text that was validated.
    catalogue.text = CATALOGUE.replace('{', '{ ');
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('script[type="text/plain"]').length === 0);
    assert.deepEqual(library, ['consent-gate.min.js', 'consent-gate-core.min.js']);
    const after = await storedWire(context);
    assert.notEqual(after.f, before.f);
    assert.deepEqual({ ...after, f: before.f }, before, 'the same choice, id and time: only the fingerprint changed');
    assert.equal(await banner(page).count(), 0);
    // A page script that asked before the catalogue was validated gets its answer.
    await page.waitForFunction(() => window.__watch.granted, null, { timeout: 5000 });
    // The rewritten fingerprint is not a decision: re-reading the cookie (what a tab switch does)
    // tells no one, and Consent Mode gets no second update.
    const updates = await consentUpdates(page);
    await page.evaluate(() => window.consentGate.refresh());
    assert.equal(await consentUpdates(page), updates);
    assert.equal(await page.evaluate(() => window.__watch.changes), 0);

    library.length = 0;
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('script[type="text/plain"]').length === 0);
    assert.deepEqual(library, ['consent-gate.min.js'], 'the next view takes the short path again');
    await context.close();
  });

  it('runs nothing when the catalogue became invalid, though a choice is stored, and keeps that choice', async () => {
    const opened = await visit(env.browser);
    const { context, page, library, catalogue, thirdParty, consoleErrors } = opened;
    await acceptThenReload(opened);
    const before = await storedWire(context);
    const invalid = JSON.parse(CATALOGUE);
    invalid.categories.analytics.servcies = invalid.categories.analytics.services;
    catalogue.text = JSON.stringify(invalid);
    thirdParty.length = 0;
    await page.reload();
    await page.waitForTimeout(1000);
    // The validator's messages are fetched only to say why a catalogue was refused.
    assert.deepEqual(library, ['consent-gate.min.js', 'consent-gate-core.min.js', 'consent-gate-errors.min.js']);
    assert.deepEqual(thirdParty, []);
    assert.equal(await page.locator('script[type="text/plain"]').count(), 4, 'every gated script stays inert');
    const refusal = 'categories.analytics.servcies: unknown key (did you mean "services"?)';
    assert.ok(consoleErrors.some((m) => m.includes(refusal)), consoleErrors.join('\n'));
    assert.deepEqual(await storedWire(context), before);
    await context.close();
  });
});

describe('a decision made while the catalogue is being validated', () => {
  it('waits for the validation, then applies (rejectAll() as soon as the gate exists)', async () => {
    const early = onGatePublished('(gate) => (window.__early = gate.rejectAll())');
    const { context, page } = await openContext(env.browser, { initScript: early });
    await page.goto(env.server.origin() + PAGE);
    assert.equal(await page.evaluate(() => window.__early), true);
    assert.deepEqual((await storedWire(context)).c, { analytics: 0, embeds: 0, polls: 0 });
    await context.close();
  });

  it('in a browser without scheduler.yield() (src/run.ts nextTask falls back), a first visit still asks and Accept is stored', async () => {
    const noYield = 'delete Scheduler.prototype.yield;';
    const { context, page } = await openContext(env.browser, { initScript: noYield });
    await page.goto(env.server.origin() + PAGE);
    assert.equal(await page.evaluate(() => typeof window.scheduler?.yield), 'undefined');
    await accept(page).click();
    await page.waitForFunction(() => window.consentGate?.record?.method === 'banner');
    assert.equal((await storedWire(context)).c.analytics, 1);
    await context.close();
  });
});

/** A returning visitor's page on the short path (only consent-gate.min.js fetched). */
async function shortPath() {
  const opened = await visit(env.browser);
  await acceptThenReload(opened);
  await opened.page.reload();
  await opened.page.waitForFunction(() => document.querySelectorAll('script[type="text/plain"]').length === 0);
  assert.deepEqual(opened.library, ['consent-gate.min.js']);
  return opened;
}

const pollsUnloaded = () => document.querySelector('iframe[data-consent="polls"]').getAttribute('src') === 'about:blank';

describe('on the short path, when the rest of the library is needed', () => {

  it('tries consent-gate-core.min.js again after a failed load, so a withdrawal still goes through', async () => {
    const { context, page } = await shortPath();
    let failures = 1;
    await context.route('**/dist/consent-gate-core.min.js', (route) => (failures-- > 0 ? route.abort() : route.continue()));
    assert.equal(await page.evaluate(() => window.consentGate.update({ polls: false })), false, 'the load failed');
    assert.equal(await page.evaluate(() => window.consentGate.update({ polls: false })), true, 'the next need loads it');
    assert.equal((await storedWire(context)).c.polls, 0);
    await context.close();
  });

  it('applies a change made elsewhere meanwhile when the full catalogue comes in', async () => {
    const { context, page } = await shortPath();
    // Another tab or subdomain withdrew polls; this page has not re-read the cookie yet.
    const cookie = (await context.cookies()).find((c) => c.name === 'cookie_preferences');
    const wire = JSON.parse(decodeURIComponent(cookie.value));
    await context.addCookies([{ ...cookie, value: encodeURIComponent(JSON.stringify({ ...wire, c: { ...wire.c, polls: 0 } })) }]);
    assert.equal(await page.locator('iframe[data-consent="polls"]').getAttribute('src'), 'https://app.sli.do/event/test2026');
    await page.evaluate(() => window.consentGate.open()); // the preferences: the full catalogue comes in
    await page.waitForFunction(() => document.querySelector('iframe[data-consent="polls"]').getAttribute('src') === 'about:blank');
    assert.equal(await page.evaluate(() => window.__watch.changes), 1, 'told as a change');
    await context.close();
  });
});

// consent-gate.min.js runs the short path alone; these are the moments it must hand the page to
// consent-gate-core.min.js, and what a visitor or a page script would miss if it did not.
describe('on the short path, what still reaches the page', () => {
  it('a withdrawal made in another tab: the core comes in and unloads the embed', async () => {
    const { context, page, library } = await shortPath();
    const other = await context.newPage();
    await other.goto(env.server.origin() + PAGE);
    await other.waitForFunction(() => document.querySelectorAll('script[type="text/plain"]').length === 0);
    assert.equal(await other.evaluate(() => window.consentGate.update({ polls: false })), true);
    await page.waitForFunction(pollsUnloaded, null, { timeout: 5000 });
    assert.ok(library.includes('consent-gate-core.min.js'));
    await context.close();
  });

  it('sweeps a refused category’s cookies left from before, fetching the core only when there are any', async () => {
    const opened = await visit(env.browser);
    const { context, page, library } = opened;
    const origin = env.server.origin();
    await page.goto(origin + PAGE);
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.waitForFunction(() => window.consentGate?.record?.method === 'banner');
    await page.waitForLoadState('networkidle');
    library.length = 0;
    await page.reload({ waitUntil: 'networkidle' });
    assert.deepEqual(library, ['consent-gate.min.js'], 'nothing to sweep: the gate alone');

    await context.addCookies([{ name: '_ga', value: 'old', url: origin }]);
    library.length = 0;
    await page.reload({ waitUntil: 'networkidle' });
    assert.deepEqual(library, ['consent-gate.min.js', 'consent-gate-core.min.js']);
    assert.equal((await context.cookies()).some((c) => c.name === '_ga'), false, '_ga was swept');
    await context.close();
  });

  it('keeps window.consentGate one object: a reference and a listener taken early follow the core', async () => {
    const { context, page } = await shortPath();
    await page.evaluate(() => {
      window.__gate = window.consentGate;
      window.__heard = [];
      window.__gate.subscribe(({ changed }) => window.__heard.push(...changed));
      // Methods taken off it before the core is here, as a page script might keep them.
      const { allows, subscribe } = window.consentGate;
      window.__allows = allows;
      window.__subscribe = subscribe;
    });
    assert.equal(await page.evaluate(() => window.__allows('polls')), true);
    assert.equal(await page.evaluate(() => window.__gate.update({ polls: false })), true);
    assert.ok((await page.evaluate(() => window.__heard)).includes('polls'), 'the early listener heard the change');
    assert.equal(await page.evaluate(() => window.__allows('polls')), false, 'an early-taken allows() answers from the core');
    await page.evaluate(() => window.__subscribe(({ changed }) => (window.__later = changed)));
    await page.evaluate(() => window.consentGate.update({ polls: true }));
    assert.ok((await page.evaluate(() => window.__later)).includes('polls'), 'an early-taken subscribe() reaches the core');
    assert.equal(await page.evaluate(() => window.__gate.allows('polls')), true);
    assert.equal(await page.evaluate(() => window.__gate.record.categories.polls), true);
    assert.equal(await page.evaluate(() => window.__gate === window.consentGate), true);
    await context.close();
  });
});

describe('on the short path, the page’s own calls', () => {
  it('reset() forgets the choice at once, before the rest of the library is here', async () => {
    const { context, page } = await shortPath();
    const left = await page.evaluate(() => {
      window.consentGate.reset();
      return document.cookie.includes('cookie_preferences=');
    });
    assert.equal(left, false, 'the consent cookie is gone as reset() returns');
    await banner(page).waitFor(); // then the core asks again
    await context.close();
  });

  it('announces consent-ready once, also when the catalogue has no Consent Mode and the core comes in', async () => {
    const opened = await visit(env.browser, JSON.stringify({ ...JSON.parse(CATALOGUE), consentMode: false }));
    const { context, page } = opened;
    await acceptThenReload(opened);
    await context.addInitScript(() => {
      window.__ready = 0;
      document.addEventListener('consent-ready', () => window.__ready++);
    });
    await page.reload({ waitUntil: 'networkidle' });
    assert.equal(await page.evaluate(() => window.__ready), 1);
    assert.equal(await page.evaluate(() => window.consentGate.update({ polls: false })), true); // the core comes in
    assert.equal(await page.evaluate(() => window.__ready), 1);
    await context.close();
  });
});

describe('the short path’s memo in localStorage', () => {
  const memo = (page) => page.evaluate(() => localStorage.getItem('consent-gate'));

  it('is written only once the visitor has chosen, and removed with the choice', async () => {
    const opened = await visit(env.browser);
    const { page, context } = opened;
    await page.goto(env.server.origin() + PAGE);
    await banner(page).waitFor();
    assert.equal(await memo(page), null, 'nothing stored before the choice');
    await accept(page).click();
    await page.waitForFunction(() => localStorage.getItem('consent-gate') !== null);
    const written = JSON.parse(await memo(page));
    assert.equal(written.record.method, 'banner');
    assert.equal(written.allowed.analytics, true);
    await page.evaluate(() => window.consentGate.reset());
    await page.waitForFunction(() => localStorage.getItem('consent-gate') === null);
    await page.reload();
    await banner(page).waitFor();
    await context.close();
  });

  it('left behind by a cookie that is gone, is removed on the next (first) visit', async () => {
    const opened = await visit(env.browser);
    await acceptThenReload(opened);
    const { page, library, context } = opened;
    assert.notEqual(await memo(page), null, 'the accepted choice wrote a memo');
    await context.clearCookies(); // the visitor cleared cookies, not site data
    await page.reload();
    await banner(page).waitFor();
    assert.ok(library.includes('consent-gate-core.min.js'), 'no cookie: the core asks');
    // Removed in a task after the banner's frame (src/script-tag-core.ts).
    await page.waitForFunction(() => localStorage.getItem('consent-gate') === null, null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.__watch.granted), false, 'nothing was granted from the old memo');
    await context.close();
  });

  it('with storage blocked, reset() called as the gate appears still forgets the choice (it waits for the validation)', async () => {
    const opened = await visit(env.browser);
    await acceptThenReload(opened);
    const { page, context } = opened;
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await page.addInitScript(onGatePublished('(gate) => gate.reset()'));
    await page.reload();
    // The withdrawal may reload the page (an accepted script had run): watch the cookie, not the page.
    for (let i = 0; i < 50 && (await storedWire(context)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await storedWire(context), undefined, 'the consent cookie is gone');
    await banner(page).waitFor();
    await context.close();
  });

  it('with storage blocked, every view takes the core’s path and still runs the stored choice', async () => {
    const opened = await visit(env.browser);
    await acceptThenReload(opened);
    const { page, library, context } = opened;
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('script[type="text/plain"]').length === 0);
    assert.ok(library.includes('consent-gate-core.min.js'), 'the core ran the page');
    assert.equal(await banner(page).count(), 0, 'no banner: the choice stands');
    await context.close();
  });
});

describe('on the short path, a cookie edited by hand', () => {
  /** FNV-1a as src/consent/record.ts computes it (catalogueFingerprint, recordSeal). */
  const fnv = (input) => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < input.length; i++) hash = Math.imul(hash ^ input.charCodeAt(i), 0x01000193);
    return (hash >>> 0).toString(36);
  };

  it('is not trusted by the gate, even with a recomputed seal: nothing gated runs, the banner asks again', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const opened = await shortPath();
    const { context, page, library } = opened;
    const cookie = (await context.cookies()).find((c) => c.name === 'cookie_preferences');
    const { f, ...wire } = JSON.parse(decodeURIComponent(cookie.value));
    const forged = { ...wire, extra: 1 }; // decodeRecord: "unexpected field extra"
    forged.f = fnv(fnv(version + '\n' + CATALOGUE) + '\n' + JSON.stringify(forged));
    await context.addCookies([{ ...cookie, value: encodeURIComponent(JSON.stringify(forged)) }]);
    library.length = 0;
    // The cookie no longer reads as when the core wrote the short path's memo: the core decides,
    // and its strict reader refuses the record.
    await page.reload();
    await banner(page).waitFor();
    assert.ok(library.includes('consent-gate-core.min.js'), 'the core was fetched');
    const inert = await page.evaluate(() => document.querySelectorAll('script[type="text/plain"][data-consent="analytics"]').length);
    assert.ok(inert > 0, 'the analytics scripts stay inert');
    assert.equal(await page.evaluate(() => window.consentGate.allows('analytics')), false);
    await context.close();
  });
});
