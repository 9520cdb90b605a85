// The demo school's wiring of the signals: its site-search statistics run under the statistical
// exception (and stop when turned off), and its consent receipts reach its own server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../../demo/server.js';
import { launchBrowser, openContext, siteCookieNames } from '../support/page.js';

let demo;
let browser;
const logged = [];
const waiters = [];
before(async () => {
  demo = await startDemoServer({
    port: 0,
    thirdPartyPort: 0,
    log: (line) => {
      logged.push(line);
      for (const w of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

/** The next server log line matching `pattern` (fails after 5 s). */
const nextLog = (pattern) =>
  new Promise((resolve, reject) => {
    waiters.push({ pattern, resolve });
    setTimeout(() => reject(new Error(`no log line matched ${pattern}`)), 5000).unref();
  });

describe('demo: site-search statistics and receipts', () => {
  it('counts a search before any choice, first party only, and Turn off stops it and deletes its cookie', async () => {
    const { context, page, thirdParty } = await openContext(browser);
    const stat = nextLog(/^\[site\] POST \/search-stats /);
    await page.goto(`${demo.siteUrl}/search?q=sports+day`);
    const body = JSON.parse((await stat).replace(/^\[site\] POST \/search-stats /, ''));
    assert.equal(body.query, 'sports day');
    assert.equal(body.results, 2);
    assert.deepEqual(await siteCookieNames(context), ['search_stats_id']);
    assert.deepEqual(thirdParty, []);
    assert.equal(demo.thirdPartyRequests.length, 0);

    const receipt = nextLog(/^\[site\] POST \/consent-receipts /);
    await page.getByRole('button', { name: 'Turn off Site search statistics' }).click();
    await page.getByText("You've turned off Site search statistics.").waitFor();
    assert.deepEqual(await siteCookieNames(context), ['cookie_preferences']);
    const sent = JSON.parse((await receipt).replace(/^\[site\] POST \/consent-receipts /, ''));
    assert.deepEqual(sent.choices.categories, { statistics: false });
    assert.equal(sent.path, '/search');

    const before = logged.filter((l) => l.includes('/search-stats')).length;
    await page.goto(`${demo.siteUrl}/search?q=term+dates`);
    await page.waitForFunction(() => window.consentGate?.record);
    await page.locator('[data-search-result]').first().waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('script[data-consent="statistics"]').type), 'text/plain');
    assert.equal(logged.filter((l) => l.includes('/search-stats')).length, before, 'no more statistics');
    assert.deepEqual(await siteCookieNames(context), ['cookie_preferences']);
    await context.close();
  });
});
