// The debug aid on the demo site: `?consent-debug` makes the console tell a site builder what the
// gate decided and did (gated tags, sweeps, decisions) and which cookies the catalogue forgot to
// declare. Without it, the debug bundle is never fetched.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../../demo/server.js';
import { launchBrowser, openContext } from '../support/page.js';

let demo;
let browser;
before(async () => {
  demo = await startDemoServer({ port: 0, thirdPartyPort: 0, log: () => {} });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

/** Console lines of the page, and a way to await one that matches. */
function consoleOf(page) {
  const lines = [];
  const waiters = [];
  page.on('console', (message) => {
    const line = { type: message.type(), text: message.text() };
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.test(line.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  /** The first line matching `pattern`, now or within 10 s (then fails, listing what was logged). */
  const next = (pattern) => {
    const seen = lines.find((l) => pattern.test(l.text));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no console line matched ${pattern}; got:\n${lines.map((l) => l.text).join('\n')}`)),
        10_000,
      );
      waiters.push({ test: (t) => pattern.test(t), resolve: (line) => (clearTimeout(timer), resolve(line)) });
    });
  };
  return { lines, next };
}

describe('debug aid', () => {
  it('?consent-debug logs the catalogue, gated tags, the sweep, decisions and undeclared cookies', async () => {
    const { context, page } = await openContext(browser);
    // A Google Analytics cookie left from an earlier visit, and a cookie nobody declared.
    await context.addCookies([
      { name: '_ga', value: 'GA1.1.1.1', url: demo.siteUrl },
      { name: 'mystery_tracker', value: '1', url: demo.siteUrl },
    ]);
    const log = consoleOf(page);
    await page.goto(`${demo.siteUrl}/?consent-debug`);

    const catalogue = await log.next(/^consent-gate debug: "Oakfield Primary School" catalogue revision \d+; categories: essential \(essential\), analytics/);
    assert.equal(catalogue.type, 'info');
    await log.next(/^consent-gate debug: no stored choice/);
    const blocked = await log.next(/^consent-gate debug: blocked until "analytics" is allowed: <script data-consent="analytics" src="[^"]*\/gtag\/js\?id=G-OAKFIELD1">/);
    assert.ok(blocked);
    await log.next(/^consent-gate debug: blocked until "analytics" is allowed: <script data-consent="analytics"> window\.dataLayer = /);
    await log.next(/^consent-gate debug: cookie sweep on page load \(refused categories\) deleted: _ga$/);
    const undeclared = await log.next(/^consent-gate debug: cookie "mystery_tracker" is set but not declared/);
    assert.equal(undeclared.type, 'warning');

    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await log.next(/^consent-gate debug: decision \(banner\): analytics granted, (\w+ granted, )*embeds granted.*; changed: analytics, .*embeds/);
    await log.next(/^consent-gate debug: runs: <script data-consent="analytics" src="[^"]*\/gtag\/js/);
    // Google Analytics' own cookies are declared by the preset: no warning for them.
    await page.waitForFunction(() => document.cookie.includes('__utmz='));
    await page.evaluate(() => (document.cookie = 'late_undeclared=1; path=/'));
    await log.next(/cookie "late_undeclared" is set but not declared/);
    const warned = log.lines.filter((l) => l.type === 'warning').map((l) => l.text.match(/cookie "([^"]+)"/)?.[1]);
    assert.deepEqual(warned, ['mystery_tracker', 'late_undeclared']);
    await context.close();
  });

  it('is off, and never fetched, without the parameter', async () => {
    const { context, page } = await openContext(browser);
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    const log = consoleOf(page);
    await page.goto(`${demo.siteUrl}/`);
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.waitForFunction(() => window.consentGate.record);
    assert.deepEqual(log.lines.filter((l) => l.text.startsWith('consent-gate debug:')), []);
    assert.deepEqual(requested.filter((u) => u.includes('debug')), []);
    await context.close();
  });
});
