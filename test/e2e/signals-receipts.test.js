// Consent receipts: each decision reaches the site's own endpoint (test/support/server.js records
// POSTs) with the documented body — consent id, ISO time, revision, method, choices, page path —
// and nothing more.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestSite, openContext } from '../support/page.js';
import { SIGNALS_PAGE } from '../support/signals.js';

// The test server and one browser, shared by this file's tests.
const env = useTestSite();

describe('consent receipts', () => {
  it('sends every decision to the same-site receiver with the documented body and no more', async () => {
    const { context, page, thirdParty } = await openContext(env.browser);
    await page.goto(`${env.server.origin()}${SIGNALS_PAGE}?q=private+words#top`);
    let next = env.server.nextPost('/__receipts');
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    const first = await next;
    assert.equal(first.host, `localhost:${env.server.port}`, 'sent to the page’s own origin');
    assert.match(first.contentType, /^application\/json/);
    const body = JSON.parse(first.body);
    const record = await page.evaluate(() => window.consentGate.record);
    assert.deepEqual(body, {
      id: record.id,
      timestamp: record.timestamp,
      revision: 1,
      method: 'banner',
      choices: { categories: { analytics: false, statistics: false, embeds: false }, services: {} },
      path: SIGNALS_PAGE,
    });
    assert.equal(new Date(body.timestamp).toISOString(), body.timestamp, 'ISO 8601 time');
    assert.doesNotMatch(first.body, /private|Mozilla|Chrome|127\.0\.0\.1|localhost/, 'no query, user agent or address');

    // A later change is sent too, under the same consent id.
    next = env.server.nextPost('/__receipts');
    await page.evaluate(() => window.consentGate.update({ youtube: true }, 'embed'));
    const second = JSON.parse((await next).body);
    assert.equal(second.id, body.id);
    assert.equal(second.method, 'embed');
    assert.deepEqual(second.choices.services, { youtube: true });
    assert.equal(thirdParty.filter((u) => u.includes('receipt')).length, 0, 'never to a third party');
    await context.close();
  });

  it('keeps and applies the choice when the receiver is unreachable', async () => {
    const { context, page } = await openContext(env.browser);
    await page.route('**/__receipts', (route) => route.abort('connectionrefused'));
    await page.goto(env.server.origin() + SIGNALS_PAGE);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    await page.reload();
    await page.waitForFunction(() => window.consentGate?.record);
    assert.equal(await page.evaluate(() => window.consentGate.allows('analytics')), true);
    await context.close();
  });
});
