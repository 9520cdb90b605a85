// Cross-tab sync: two pages of the site open in one browser context; a choice or withdrawal in
// one applies in the other (BroadcastChannel), or when the other becomes visible again (fallback).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestSite, openContext, siteCookieNames } from '../support/page.js';
import { SIGNALS_PAGE } from '../support/signals.js';

// The test server and one browser, shared by this file's tests.
const env = useTestSite();

const youtubeLoaded = () => Boolean(document.querySelector('iframe[data-consent]')?.getAttribute('src')?.startsWith('https://'));
const analyticsRunning = () => document.querySelector('[data-stand-in="google-analytics"]') !== null;

async function twoTabs({ secondInit } = {}) {
  const tabs = await openContext(env.browser);
  const first = tabs.page;
  const second = await tabs.context.newPage();
  if (secondInit) await second.addInitScript(secondInit);
  for (const page of [first, second]) {
    await page.goto(env.server.origin() + SIGNALS_PAGE);
    await page.waitForFunction(() => window.consentGate?.catalogue);
  }
  return { ...tabs, first, second };
}

describe('cross-tab sync', () => {
  it('starts scripts and embeds in the other tab when one accepts, and stops and sweeps them on withdrawal', async () => {
    const { context, first, second } = await twoTabs();
    assert.equal(await second.evaluate(youtubeLoaded), false);

    await first.getByRole('button', { name: 'Accept additional cookies' }).click();
    await second.waitForFunction(youtubeLoaded, null, { timeout: 1000 });
    await second.waitForFunction(analyticsRunning, null, { timeout: 1000 });
    assert.equal(await second.evaluate(() => window.consentGate.record.method), 'banner');
    await first.waitForFunction(() => document.cookie.includes('_ga='));

    // Withdraw everything in the first tab: the second unloads its video and, because GA already
    // ran there, reloads; the analytics cookies are gone.
    const secondReloads = second.waitForEvent('load');
    await Promise.all([
      first.waitForEvent('load'),
      first.evaluate(() => window.consentGate.update({ analytics: false, embeds: false }, 'preferences')),
    ]);
    await secondReloads;
    await second.waitForFunction(() => window.consentGate?.record);
    assert.equal(await second.evaluate(youtubeLoaded), false);
    assert.equal(await second.evaluate(analyticsRunning), false);
    assert.equal(await second.evaluate(() => window.consentGate.allows('analytics')), false);
    assert.deepEqual((await siteCookieNames(context)).filter((n) => /^(_ga|_gid|__utm)/.test(n)), []);
    await context.close();
  });

  it('unloads an embed in the other tab without a reload when only embeds are withdrawn', async () => {
    const { context, first, second } = await twoTabs();
    await first.evaluate(() => window.consentGate.update({ embeds: true }, 'preferences'));
    await second.waitForFunction(youtubeLoaded, null, { timeout: 1000 });
    await second.evaluate(() => (window.__sameDocument = true));
    await first.evaluate(() => window.consentGate.update({ embeds: false }, 'preferences'));
    await second.waitForFunction(() => document.querySelector('iframe[data-consent]').getAttribute('src') === 'about:blank', null, { timeout: 1000 });
    assert.equal(await second.evaluate(() => window.__sameDocument), true, 'no reload was needed');
    await context.close();
  });

  it('falls back to reading the cookie when the tab becomes visible, without BroadcastChannel', async () => {
    const { context, first, second } = await twoTabs({ secondInit: 'delete window.BroadcastChannel;' });
    assert.equal(await second.evaluate(() => typeof BroadcastChannel), 'undefined');
    await first.getByRole('button', { name: 'Accept additional cookies' }).click();
    await first.waitForFunction(youtubeLoaded);
    assert.equal(await second.evaluate(() => window.consentGate.allows('embeds')), false, 'not told yet');
    // Headless tabs are all "visible"; the event is what a tab switch fires.
    await second.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await second.waitForFunction(youtubeLoaded, null, { timeout: 1000 });
    assert.equal(await second.evaluate(() => window.consentGate.allows('embeds')), true);
    await context.close();
  });
});
