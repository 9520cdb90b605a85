// Global Privacy Control, injected the way a browser exposes it (navigator.globalPrivacyControl):
// nothing non-essential runs, the refusal is recorded with method "gpc", and an explicit choice
// by the visitor wins.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestSite, openContext, siteCookieNames } from '../support/page.js';
import { GPC_ON, SIGNALS_PAGE, dataLayerOf } from '../support/signals.js';

// The test server and one browser, shared by this file's tests.
const env = useTestSite();

const settle = (page) => page.waitForTimeout(500);
const statsPosts = () => env.server.posts.filter((p) => p.path === '/search-stats').length;

describe('Global Privacy Control', () => {
  it('refuses everything non-essential, objects to the statistics, and records method gpc', async () => {
    const { context, page, thirdParty } = await openContext(env.browser, { initScript: GPC_ON });
    const statsBefore = statsPosts();
    const receipt = env.server.nextPost('/__receipts');
    await page.goto(`${env.server.origin()}${SIGNALS_PAGE}?q=sports+day`);
    await page.waitForFunction(() => window.consentGate?.record);
    await settle(page);
    assert.deepEqual(thirdParty, [], 'no third-party request');
    assert.deepEqual(await siteCookieNames(context), ['cookie_preferences'], 'no non-essential cookie');
    assert.equal(statsPosts(), statsBefore, 'the statistics exception did not run');
    const state = await page.evaluate(() => ({
      gpc: window.consentGate.gpc,
      awaitingChoice: window.consentGate.awaitingChoice,
      record: window.consentGate.record,
      gated: document.querySelectorAll('script[type="text/plain"]').length,
    }));
    assert.equal(state.gpc, true);
    assert.equal(state.record.method, 'gpc');
    assert.deepEqual(state.record.categories, { analytics: false, statistics: false, embeds: false });
    assert.equal(state.awaitingChoice, true, 'the banner still asks (gpc: "banner")');
    await page.getByText('Your browser asked websites not to share or sell your data (Global Privacy Control)').waitFor();
    await page.getByRole('button', { name: 'Accept additional cookies' }).waitFor();
    assert.equal(state.gated, 3, 'every gated script stays inert');
    assert.equal(JSON.parse((await receipt).body).method, 'gpc');
    const consentMode = (await dataLayerOf(page)).filter((e) => e.args?.[1] === 'update' || e.object);
    assert.equal(consentMode[0].args[2].analytics_storage, 'denied');
    assert.equal(consentMode[1].object.consent_method, 'gpc');

    // The next page reads the stored refusal: no new decision, still nothing runs.
    await page.reload();
    await page.waitForFunction(() => window.consentGate?.record);
    await settle(page);
    assert.deepEqual(thirdParty, []);
    assert.equal(await page.evaluate(() => window.consentGate.record.method), 'gpc');
    await context.close();
  });

  it('lets an explicit Accept override it, on this page and the next', async () => {
    const { context, page, thirdParty } = await openContext(env.browser, { initScript: GPC_ON });
    await page.goto(env.server.origin() + SIGNALS_PAGE);
    await page.waitForFunction(() => window.consentGate?.record?.method === 'gpc');
    // The banner still asks, with the note; the visitor accepts.
    await page.getByText('(Global Privacy Control)').waitFor();
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.getByText("You've accepted additional cookies.").waitFor();
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    await page.waitForFunction(() => document.querySelector('iframe[src^="https://www.youtube-nocookie.com"]'));
    let record = await page.evaluate(() => window.consentGate.record);
    assert.equal(record.method, 'banner');
    assert.equal(record.categories.analytics, true);
    assert.equal(record.categories.statistics, false, 'the objection GPC made stands until turned back on');

    await page.reload();
    await page.waitForFunction(() => document.cookie.includes('_ga=') && window.consentGate?.record);
    record = await page.evaluate(() => window.consentGate.record);
    assert.equal(record.method, 'banner', 'GPC does not overwrite an explicit choice');
    assert.equal(await page.evaluate(() => window.consentGate.awaitingChoice), false);
    assert.ok(thirdParty.some((u) => u.startsWith('https://www.googletagmanager.com/gtag/js')));
    assert.ok(!(await siteCookieNames(context)).includes('search_stats_id'));
    await context.close();
  });
});
