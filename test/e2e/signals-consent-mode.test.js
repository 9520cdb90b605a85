// Google Consent Mode v2 in a real page: the exact dataLayer sequences gtag.js reads for a first
// visit, Accept, Reject, withdrawal and a returning visitor, and what the GA stand-in then does.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestSite, openContext, siteCookieNames } from '../support/page.js';
import { DEFAULT, DENIED, RECORDER, SIGNALS_PAGE, dataLayerOf, gtagCommands, recorded } from '../support/signals.js';

// The test server and one browser, shared by this file's tests.
const env = useTestSite();

const GRANTED_ANALYTICS = ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }];
const ALL_DENIED = ['consent', 'update', DENIED];
const event = (method, categories) => ({
  object: {
    event: 'consent_update',
    consent_method: method,
    consent_categories: categories,
    consent_granted: Object.keys(categories).filter((c) => categories[c]).join(','),
  },
});
const gaHits = (thirdParty) => thirdParty.filter((u) => u.includes('/g/collect'));
const settle = (page) => page.waitForTimeout(500);

describe('Consent Mode: first visit', () => {
  it('pushes only the default, as an arguments object, before anything else and loads no Google tag', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    await page.goto(env.server.origin() + SIGNALS_PAGE);
    await page.waitForFunction(() => window.consentGate?.catalogue);
    await settle(page);
    assert.deepEqual(await dataLayerOf(page), [{ args: DEFAULT }]);
    assert.deepEqual(thirdParty, []);
    await context.close();
  });
});

describe('Consent Mode: Accept', () => {
  it('pushes one update granting analytics_storage and a consent_update event before gtag.js runs; GA then counts with storage', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    await page.goto(env.server.origin() + SIGNALS_PAGE);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/g/collect')));
    assert.deepEqual(await dataLayerOf(page), [
      { args: DEFAULT },
      { args: GRANTED_ANALYTICS },
      event('banner', { analytics: true, statistics: true, embeds: true }),
      { args: ['js', 'Date'] },
      { args: ['config', 'G-TEST123'] },
    ]);
    const hits = gaHits(thirdParty);
    assert.ok(hits.length >= 1 && hits.every((u) => new URL(u).searchParams.get('gcs') === 'G101'), hits.join('\n'));
    await context.close();
  });
});

describe('Consent Mode: Reject', () => {
  it('pushes one update with everything denied, and Google is never contacted', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    await page.goto(env.server.origin() + SIGNALS_PAGE);
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.getByText("You've rejected additional cookies.").waitFor();
    await settle(page);
    assert.deepEqual(await dataLayerOf(page), [
      { args: DEFAULT },
      { args: ALL_DENIED },
      event('banner', { analytics: false, statistics: false, embeds: false }),
    ]);
    assert.deepEqual(thirdParty, []);
    await context.close();
  });
});

describe('Consent Mode: withdrawal', () => {
  it('pushes a denying update and sets ga-disable-<ID> before the page reloads; the reload starts denied', async () => {
    const { context, page } = await openContext(env.browser, { initScript: RECORDER });
    await page.goto(env.server.origin() + SIGNALS_PAGE);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    await Promise.all([
      page.waitForEvent('load'),
      page.evaluate(() => window.consentGate.update({ analytics: false }, 'preferences')),
    ]);
    const [accepted, withdrawn] = await recorded(page);
    assert.equal(accepted.gaDisabled, null);
    assert.equal(withdrawn.gaDisabled, true, 'ga-disable-G-TEST123 set on withdrawal');
    // Everything after the acceptance: exactly one update for the withdrawal, then its event.
    assert.deepEqual(withdrawn.dataLayer.slice(accepted.dataLayer.length).filter((e) => !e.args || e.args[0] === 'consent'), [
      { args: ALL_DENIED },
      event('preferences', { analytics: false, statistics: true, embeds: true }),
    ]);
    assert.deepEqual(await dataLayerOf(page), [
      { args: DEFAULT },
      { args: ALL_DENIED },
      event('stored', { analytics: false, statistics: true, embeds: true }),
    ]);
    assert.deepEqual((await siteCookieNames(context)).filter((n) => /^(_ga|_gid|__utm)/.test(n)), []);
    await context.close();
  });
});

describe('Consent Mode: returning visitor', () => {
  it('pushes the default, then the stored choice’s update, before gtag.js and its config run', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    await page.goto(env.server.origin() + SIGNALS_PAGE);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    const hitsBefore = gaHits(thirdParty).length;

    await page.goto(env.server.origin() + SIGNALS_PAGE);
    await page.waitForFunction(() => document.querySelector('[data-stand-in="google-analytics"]')?.textContent.includes('G-TEST123'));
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/g/collect')));
    const dataLayer = await dataLayerOf(page);
    assert.deepEqual(dataLayer, [
      { args: DEFAULT },
      { args: GRANTED_ANALYTICS },
      event('stored', { analytics: true, statistics: true, embeds: true }),
      { args: ['js', 'Date'] },
      { args: ['config', 'G-TEST123'] },
    ]);
    const commands = gtagCommands(dataLayer);
    assert.equal(commands.filter((c) => c[1] === 'default').length, 1);
    assert.equal(commands.filter((c) => c[1] === 'update').length, 1);
    assert.ok(dataLayer.every((e) => !e.array), 'no arrays');
    const hits = gaHits(thirdParty).slice(hitsBefore);
    assert.ok(hits.length >= 1 && hits.every((u) => new URL(u).searchParams.get('gcs') === 'G101'), hits.join('\n'));
    await context.close();
  });
});
