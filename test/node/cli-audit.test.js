// `consent-gate audit`: the built command drives headless Chromium through a site as three
// visitors (no choice, Reject, Accept). Against the demo school it must find nothing wrong (exit 0)
// while still seeing everything that loads after Accept; against the deliberately leaky fixture it
// must report each leak with its page (exit 1). The fixture servers record every third-party
// request they answer, so the report is checked against what a tracker actually received.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { startDemoServer } from '../../demo/server.js';
import { CLI, runCli } from '../support/cli.js';
import { startFixtureSite } from '../support/fixture-site.js';

const audit = async (url, ...args) => {
  const result = await runCli(['audit', url, '--json', ...args]);
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    assert.fail(`no JSON report (exit ${result.code}):\n${result.stderr}`);
  }
  return { ...result, report };
};
/** A port nothing listens on (one the system just handed out and took back). */
const closedPort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const state = (report, name) => report.states.find((s) => s.state == name);
const path = (url) => new URL(url).pathname;
const names = (list) => list.map((c) => c.name).sort();

describe('consent-gate audit of the demo school', () => {
  let demo;
  let result;
  before(async () => {
    demo = await startDemoServer({ port: 0, thirdPartyPort: 0, log: () => {} });
    result = await audit(demo.siteUrl + '/');
  });
  after(() => demo?.close());

  it('passes: no leak, nothing undeclared, exit 0', () => {
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.report.summary, { ...result.report.summary, leaks: 0, undeclared: 0, pass: true });
  });

  it('crawls the same-origin pages and reads the catalogue the page names', () => {
    const pages = result.report.pages.map(path);
    for (const page of ['/', '/cookies', '/our-school', '/privacy-notice']) assert.ok(pages.includes(page), page);
    assert.equal(pages[0], '/');
    assert.equal(result.report.catalogue.source, demo.siteUrl + '/cookies.json');
    assert.equal(result.report.catalogue.from, 'page');
    assert.equal(result.report.catalogue.site, 'Oakfield Primary School');
  });

  it('sees nothing third-party and no cookie before a choice, and only the consent cookie after Reject', () => {
    const fresh = state(result.report, 'fresh');
    assert.deepEqual([fresh.thirdPartyRequests, fresh.cookies, fresh.storage], [[], [], []]);
    const rejected = state(result.report, 'rejected');
    assert.equal(rejected.button, 'Reject additional cookies');
    assert.deepEqual(rejected.pages, result.report.pages, 'the Reject visitor sees every page');
    assert.deepEqual(rejected.thirdPartyRequests, []);
    assert.deepEqual(names(rejected.cookies), ['cookie_preferences']);
  });

  it('after Accept, sees what the stand-ins served, and finds every cookie declared', () => {
    const accepted = state(result.report, 'accepted');
    assert.equal(accepted.button, 'Accept additional cookies');
    // The tracker's view: every request the stand-ins answered came from the Accept visitor's pages.
    assert.ok(demo.thirdPartyRequests.length > 0);
    const reported = accepted.thirdPartyRequests.reduce((n, r) => n + r.count, 0);
    assert.equal(reported, demo.thirdPartyRequests.length);
    assert.deepEqual(new Set(accepted.thirdPartyRequests.map((r) => r.host)), new Set(['127.0.0.1']));
    const cookies = Object.fromEntries(accepted.cookies.map((c) => [c.name, c]));
    for (const name of ['_ga', '_ga_OAKFIELD1', '_gid', '__utma', '_fbp', 'VISITOR_INFO1_LIVE', 'YSC', 'fr', 'guest_id', 'Slido.EventAuthTokens'])
      assert.ok(cookies[name]?.service, `${name} seen and declared`);
    assert.deepEqual(cookies._ga, { ...cookies._ga, party: 'first', domain: 'localhost', category: 'analytics', service: 'google-analytics', page: demo.siteUrl + '/' });
    assert.deepEqual(cookies.YSC, { ...cookies.YSC, party: 'third', partitioned: true, expires: 'session', category: 'embeds', service: 'youtube' });
    assert.equal(path(cookies.YSC.page), '/our-school');
    assert.deepEqual(accepted.undeclared, []);
  });

  it('lists declared cookies no visitor ever got', () => {
    const never = result.report.neverSeen.map((d) => d.name);
    assert.ok(never.includes('__utmb') && never.includes('PREF'));
    assert.ok(!never.includes('_ga') && !never.includes('cookie_preferences'));
  });
});

describe('consent-gate audit of a leaky site', () => {
  let site;
  let result;
  before(async () => {
    site = await startFixtureSite('test/fixtures/leaky-site');
    result = await audit(site.siteUrl + '/', '--catalogue', 'test/fixtures/leaky-site/cookies.json');
  });
  after(() => site?.close());

  const has = (list, expected) =>
    assert.ok(
      list.some((item) => Object.entries(expected).every(([k, v]) => (k == 'page' ? path(item[k]) : item[k]) == v)),
      `${JSON.stringify(expected)} not in\n${JSON.stringify(list, null, 1)}`,
    );

  it('fails with exit 1', () => {
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.report.summary.pass, false);
    assert.equal(result.report.catalogue.from, 'file');
  });

  it('reports Google Analytics loaded before consent, on every page that loads it', () => {
    const { leaks } = state(result.report, 'fresh');
    for (const page of ['/', '/news', '/videos'])
      has(leaks, { kind: 'request', name: 'googletagmanager.localhost', page });
  });

  it('reports the ungated YouTube iframe on /videos only, found by scrolling to it', () => {
    const { leaks } = state(result.report, 'fresh');
    has(leaks, { kind: 'request', name: 'youtube.localhost', page: '/videos' });
    has(leaks, { kind: 'cookie', name: 'VISITOR_INFO1_LIVE', page: '/videos', service: 'youtube' });
    has(leaks, { kind: 'cookie', name: 'YSC', page: '/videos', service: 'youtube' });
    assert.deepEqual(leaks.filter((l) => l.name == 'youtube.localhost').map((l) => path(l.page)), ['/videos']);
  });

  it('reports the undeclared cookie with the page that set it, in every state', () => {
    for (const s of result.report.states)
      assert.deepEqual(
        s.undeclared.map((u) => [u.name, u.party, path(u.page)]),
        [['_hjSessionUser_3141592', 'first', '/news']],
        s.state,
      );
    assert.equal(result.report.summary.undeclared, 1);
  });

  it('still reports the leaks after Reject, which the banner was clicked for', () => {
    const rejected = state(result.report, 'rejected');
    assert.equal(rejected.button, 'Reject additional cookies');
    has(rejected.leaks, { kind: 'request', name: 'googletagmanager.localhost', page: '/' });
    has(rejected.leaks, { kind: 'request', name: 'youtube.localhost', page: '/videos' });
    has(rejected.leaks, { kind: 'cookie', name: 'VISITOR_INFO1_LIVE', page: '/videos' });
    assert.ok(rejected.cookies.some((c) => c.name == 'cookie_preferences'), 'the refusal was stored');
  });

  it('agrees with what the trackers received', () => {
    const received = new Set(site.thirdPartyRequests.map((url) => new URL(url).hostname));
    assert.deepEqual(received, new Set(['googletagmanager.localhost', 'youtube.localhost']));
    for (const s of result.report.states)
      assert.deepEqual(new Set(s.thirdPartyRequests.map((r) => r.host)), received, s.state);
    // Every reported request reached a tracker (the Reject and Accept visitors' requests before
    // their click belong to no state, so the trackers received a few more).
    const reported = result.report.states.reduce((n, s) => n + s.thirdPartyRequests.reduce((m, r) => m + r.count, 0), 0);
    assert.ok(reported > 0 && reported <= site.thirdPartyRequests.length);
  });

  it('warns about the broken privacy-notice link and the undeclared hosts', () => {
    assert.ok(result.report.warnings.includes('/privacy-notice is linked from the site but was not audited: HTTP 404'));
    assert.ok(result.report.warnings.some((w) => w.startsWith('requests go to youtube.localhost (first on /videos)')));
  });

  it('prints a human report with each leak and its page', async () => {
    const { code, stdout } = await runCli(['audit', site.siteUrl + '/', '--pages', '1', '--quiet']);
    assert.equal(code, 1);
    assert.match(stdout, /^Fresh visit, no choice made$/m);
    assert.match(stdout, /^ {2}request +googletagmanager\.localhost +\/ +2 requests to googletagmanager\.localhost before a choice$/m);
    assert.match(stdout, /^Result: FAIL — \d+ leaks?, 0 undeclared cookies or storage keys\.$/m);
  });
});

describe('consent-gate audit of a site with its own banner and no catalogue', () => {
  let site;
  let result;
  let dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-audit-'));
    site = await startFixtureSite('test/fixtures/plain-banner-site');
    result = await audit(site.siteUrl + '/', '--write-catalogue', join(dir, 'draft.json'));
  });
  after(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reaches Reject and Accept by the buttons\' names, and finds no leak', () => {
    assert.equal(result.code, 0, result.stderr);
    assert.equal(state(result.report, 'rejected').button, 'Reject all');
    assert.equal(state(result.report, 'accepted').button, 'Accept all cookies');
    assert.deepEqual(state(result.report, 'rejected').thirdPartyRequests, []);
    assert.deepEqual(
      [...new Set(state(result.report, 'accepted').thirdPartyRequests.map((r) => r.host))],
      ['googletagmanager.localhost'],
    );
    assert.equal(result.report.catalogue.source, null);
  });

  it('writes a draft catalogue that validates, with the Google Analytics preset and its id', async () => {
    const draft = JSON.parse(readFileSync(join(dir, 'draft.json'), 'utf8'));
    assert.equal(draft.site, 'Riverside Nursery');
    assert.deepEqual(draft.services['google-analytics'], { preset: 'google-analytics', measurementId: 'G-RIVER1' });
    assert.deepEqual(draft.categories.analytics.services, ['google-analytics']);
    assert.deepEqual(draft.services['site-cookies'].cookies.map((c) => c.name), ['site_consent']);
    assert.deepEqual(draft.categories.other.services, ['site-cookies', 'googletagmanager-localhost']);
    const check = await runCli(['validate', join(dir, 'draft.json')]);
    assert.equal(check.code, 0, check.stdout);
    assert.match(result.stderr, /Wrote a draft catalogue to .*draft\.json/);
  });
});

describe('consent-gate audit, when it cannot run', () => {
  it('says how to install Playwright when it is missing (exit 2)', async () => {
    // Outside the repository, `import('playwright')` finds nothing: as in a project without it.
    const dir = mkdtempSync(join(tmpdir(), 'cg-noplaywright-'));
    try {
      copyFileSync(CLI, join(dir, 'cli.js'));
      const { code, stderr } = await runCli(['audit', 'http://localhost:9/'], { cli: join(dir, 'cli.js'), cwd: dir });
      assert.equal(code, 2);
      assert.match(stderr, /Playwright, which is not installed/);
      assert.match(stderr, /npm install --save-dev playwright/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a URL it cannot audit, and a site that does not answer (exit 2)', async () => {
    const ftp = await runCli(['audit', 'ftp://example.sch.uk/']);
    assert.equal(ftp.code, 2);
    assert.match(ftp.stderr, /only http: and https: sites can be audited/);
    const port = await closedPort();
    const closed = await runCli(['audit', `http://localhost:${port}/`, '--quiet']);
    assert.equal(closed.code, 2);
    assert.match(closed.stderr, new RegExp(`Could not load http://localhost:${port}/: .*ERR_CONNECTION_REFUSED`));
    const pages = await runCli(['audit', 'http://localhost:9/', '--pages', '0']);
    assert.equal(pages.code, 2);
    assert.match(pages.stderr, /--pages 0: expected a whole number from 1 to 500/);
  });
});
