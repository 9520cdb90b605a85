// The DUAA statistical exception: the demo's first-party site-search statistics run before any
// choice; objecting ("Turn off") stops them, deletes their cookie and is remembered; Reject and
// Global Privacy Control count as objections.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestSite, openContext, siteCookieNames } from '../support/page.js';
import { SIGNALS_PAGE } from '../support/signals.js';

// The test server and one browser, shared by this file's tests.
const env = useTestSite();

const SEARCH = `${SIGNALS_PAGE}?q=Sports+Day`;
const statsPosts = () => env.server.posts.filter((p) => p.path === '/search-stats');
const settle = (page) => page.waitForTimeout(500);

describe('the statistical exception', () => {
  it('runs first-party statistics before a choice, and nothing else', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    const stat = env.server.nextPost('/search-stats');
    await page.goto(env.server.origin() + SEARCH);
    assert.deepEqual(JSON.parse((await stat).body), {
      session: JSON.parse((await stat).body).session,
      query: 'sports day',
      results: 1,
    });
    assert.deepEqual(await siteCookieNames(context), ['search_stats_id']);
    assert.deepEqual(thirdParty, [], 'no third party before a choice');
    assert.equal(await page.evaluate(() => window.consentGate.awaitingChoice), true);
    await context.close();
  });

  it('Turn off stops it, deletes its cookie, is stored, and leaves the banner question open', async () => {
    const { context, page } = await openContext(env.browser);
    await page.goto(env.server.origin() + SEARCH);
    await page.waitForFunction(() => document.cookie.includes('search_stats_id='));
    // The banner tells the visitor the statistics run, with a one-click Turn off.
    const banner = page.getByRole('region', { name: 'Cookies on Test Primary School' });
    await banner.getByText('Site search statistics', { exact: false }).first().waitFor();
    await banner.getByRole('button', { name: 'Turn off Site search statistics' }).click();
    await page.getByText("You've turned off Site search statistics.").waitFor();
    assert.deepEqual(await siteCookieNames(context), ['cookie_preferences'], 'search_stats_id deleted');
    // The cookie question is still there.
    await page.getByRole('button', { name: 'Reject additional cookies' }).waitFor();

    const before = statsPosts().length;
    await page.reload();
    await page.waitForFunction(() => window.consentGate?.record);
    await settle(page);
    assert.equal(statsPosts().length, before, 'no statistics after objecting');
    assert.deepEqual(await siteCookieNames(context), ['cookie_preferences']);
    const state = await page.evaluate(() => ({
      record: window.consentGate.record,
      running: window.consentGate.allows('statistics'),
      awaitingChoice: window.consentGate.awaitingChoice,
      inert: document.querySelector('script[data-consent="statistics"]').type,
    }));
    assert.deepEqual(state.record.categories, { statistics: false });
    assert.equal(state.running, false);
    assert.equal(state.inert, 'text/plain');
    assert.equal(state.awaitingChoice, true, 'objecting is not an answer to the cookie question');
    await context.close();
  });

  it('counts Reject as an objection', async () => {
    const { context, page } = await openContext(env.browser);
    await page.goto(env.server.origin() + SEARCH);
    await page.waitForFunction(() => document.cookie.includes('search_stats_id='));
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.getByText("You've rejected additional cookies.").waitFor();
    assert.deepEqual(await siteCookieNames(context), ['cookie_preferences']);
    assert.equal(await page.evaluate(() => window.consentGate.allows('statistics')), false);
    await context.close();
  });

  it('turns back on when the visitor says so', async () => {
    const { context, page } = await openContext(env.browser);
    await page.goto(env.server.origin() + SEARCH);
    await page.evaluate(() => window.consentGate.update({ statistics: false }, 'preferences'));
    await page.reload();
    await page.waitForFunction(() => window.consentGate?.record);
    const stat = env.server.nextPost('/search-stats');
    await page.evaluate(() => window.consentGate.update({ statistics: true }, 'preferences'));
    assert.equal(JSON.parse((await stat).body).query, 'sports day');
    assert.ok((await siteCookieNames(context)).includes('search_stats_id'));
    await context.close();
  });
});
