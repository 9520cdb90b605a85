// The demo school site under a strict Content-Security-Policy, as a council or academy trust may
// require: `script-src 'self' 'nonce-…'; style-src 'self'` — no 'unsafe-inline', no 'unsafe-eval'.
// The banner, the preferences, embeds and every script the gate activates must work, with the
// request's nonce on each activated script, and the browser must report no violation at all
// (every `securitypolicyviolation` event in the page is recorded from before the first script).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../../demo/server.js';
import { launchBrowser, openContext } from '../support/page.js';

let demo;
let browser;
before(async () => {
  demo = await startDemoServer({ port: 0, thirdPartyPort: 0, csp: true, log: () => {} });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

function recordViolations() {
  window.__cspViolations = [];
  window.addEventListener(
    'securitypolicyviolation',
    (e) => window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`),
    true,
  );
}

async function open() {
  const session = await openContext(browser, { initScript: recordViolations });
  return session;
}

/** Goes to `path`; returns the nonce of this response's CSP (and checks the policy is the strict one). */
async function visit(page, path) {
  const response = await page.goto(demo.siteUrl + path);
  const policy = response.headers()['content-security-policy'];
  assert.match(policy, /^script-src 'self' 'nonce-[A-Za-z0-9+/=]+'; style-src 'self'$/);
  assert.doesNotMatch(policy, /unsafe/);
  return policy.match(/'nonce-([^']+)'/)[1];
}

async function assertNoViolations(session) {
  const violations = await session.page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, [], 'securitypolicyviolation events');
  assert.deepEqual(session.consoleErrors.filter((e) => /Content.Security.Policy/i.test(e)), []);
}

/** Every script element that runs (not `text/plain`) carries this response's nonce. */
async function scriptNonces(page) {
  return page.evaluate(() =>
    [...document.scripts]
      .filter((s) => s.type !== 'text/plain' && s.type !== 'application/json')
      .map((s) => ({ src: s.src || 'inline', gated: s.hasAttribute('data-consent'), nonce: s.nonce })),
  );
}

const banner = (page) => page.getByRole('region', { name: 'Cookies on Oakfield Primary School' });

describe('strict CSP: nonces, no unsafe-inline, no unsafe-eval', () => {
  it('shows the banner and the preferences dialog, and runs the scripts chosen there with the nonce, without a violation', async () => {
    const session = await open();
    const { page } = session;
    const nonce = await visit(page, '/');
    await banner(page).waitFor();
    // The UI bundle came in with the nonce, and its styles (adopted stylesheets) applied.
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.cg-banner')).position), 'fixed');
    await assertNoViolations(session);

    // The footer's "Cookie settings" opens the preferences dialog. By keyboard: the fixed banner
    // covers the footer for a mouse.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await dialog.waitFor();
    await assertNoViolations(session);

    // Analytics only: its scripts run (with the nonce), the embeds' categories stay off.
    await dialog.getByRole('group', { name: 'Do you want to accept analytics cookies?' }).getByRole('radio', { name: 'Yes' }).check();
    await dialog.getByRole('button', { name: 'Save cookie settings' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-stand-in="google-analytics"]').waitFor();
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    assert.ok(demo.thirdPartyRequests.some((r) => r.url.includes('/gtag/js')));
    assert.equal(await page.evaluate(() => window.consentGate.record.method), 'preferences');

    const scripts = await scriptNonces(page);
    const activated = scripts.filter((s) => s.gated);
    assert.equal(activated.length, 2, JSON.stringify(scripts));
    for (const script of scripts) assert.equal(script.nonce, nonce, `${script.src} carries the nonce`);
    await assertNoViolations(session);
    await session.context.close();
  });

  it('loads embeds and their scripts with a fresh nonce per page, without a violation', async () => {
    const session = await open();
    const { page } = session;
    const first = await visit(page, '/our-school');
    await page.getByRole('button', { name: /^Accept/ }).filter({ visible: true }).first().click();
    await page.locator('[data-stand-in="facebook"]').waitFor();
    await page.locator('[data-stand-in="twitter"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('consent-embed iframe[src*="/youtube/embed/"]').length === 1);
    await assertNoViolations(session);

    // A returning visitor: the gate runs the scripts at once, and <consent-embed> adds the Facebook
    // and X scripts (marked data-consent too), with this response's (new) nonce.
    const second = await visit(page, '/our-school');
    assert.notEqual(second, first, 'a nonce is used once');
    await page.locator('[data-stand-in="facebook"]').waitFor();
    await page.locator('[data-stand-in="twitter"]').waitFor();
    await page.locator('[data-stand-in="google-analytics"]').waitFor();
    const scripts = await scriptNonces(page);
    assert.equal(scripts.filter((s) => s.gated).length, 4, JSON.stringify(scripts));
    for (const script of scripts) assert.equal(script.nonce, second, `${script.src} carries the nonce`);
    await assertNoViolations(session);
    await session.context.close();
  });

  it('withdraws on the cookies page (reload, sweep) without a violation', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, '/cookies');
    // The cookies page's own form (<consent-preferences>): analytics Yes, Save.
    const analytics = page.getByRole('group', { name: 'Do you want to accept analytics cookies?' });
    await analytics.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Save cookie settings' }).click();
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    await assertNoViolations(session);

    // Then No, Save: analytics already ran, so the page reloads.
    const reloaded = page.waitForEvent('load');
    await analytics.getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Save cookie settings' }).click();
    await reloaded;
    await page.waitForFunction(() => window.consentGate?.record && !document.cookie.includes('_ga='));
    await assertNoViolations(session);
    await session.context.close();
  });

  it('runs the debug aid (?consent-debug) under the same policy', async () => {
    const session = await open();
    const { page } = session;
    const logged = [];
    page.on('console', (m) => logged.push(m.text()));
    const nonce = await visit(page, '/?consent-debug');
    await page.waitForFunction(() => [...document.scripts].some((s) => s.src.endsWith('/consent-gate-debug.min.js')));
    await banner(page).waitFor();
    await page.waitForFunction(() => true);
    const debugScript = (await scriptNonces(page)).find((s) => s.src.endsWith('/consent-gate-debug.min.js'));
    assert.equal(debugScript.nonce, nonce);
    await page.getByRole('button', { name: /^Reject/ }).filter({ visible: true }).first().click();
    await page.waitForFunction(() => window.consentGate.record);
    await assertNoViolations(session);
    assert.ok(logged.some((line) => line.startsWith('consent-gate debug: decision (banner)')), logged.join('\n'));
    await session.context.close();
  });
});
