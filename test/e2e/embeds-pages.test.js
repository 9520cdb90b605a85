// The demo school's pages that use the three elements of issue 4, whole pages in real Chromium:
// the cookies page (<consent-preferences>: no banner, radios, Save, the notification and its link
// back, by keyboard, with per-service choices), the privacy notice's cookie table (<consent-table>:
// every catalogue cookie), and the embeds' placeholders — axe-clean in English and Welsh.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cookieTable } from '../../dist/catalogue/table.js';
import { parseCatalogue } from '../../dist/catalogue/validate.js';
import '../../dist/i18n/add-cy.js';
import { localise } from '../../dist/i18n/strings.js';
import { CY, EN, axeViolations, bannerButton, consentCookie, focused, region, startDemo } from './ui-support.js';

/** The README's cookies-page recipe, as written, in a page of the demo site. */
function cookiesPageRecipe() {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const body = readme.match(/<!-- recipe: cookies-page -->\s*```html\n([\s\S]*?)\n```/)[1];
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Cookies</title>
<script src="/assets/consent-gate.min.js" data-catalogue="/cookies.json"></script></head>
<body><main>${body}</main></body></html>`;
}

let env;
before(async () => {
  env = await startDemo();
});
after(() => env?.close());

const catalogue = () => {
  const result = parseCatalogue(JSON.parse(readFileSync(new URL('../../demo/site/cookies.json', import.meta.url), 'utf8')));
  assert.ok(result.ok);
  return result.catalogue;
};

/** What the stand-ins received since `from` (one demo server serves every test of this file). */
const thirdPartySince = (from) => env.demo.thirdPartyRequests.slice(from).map((r) => new URL(r.url).pathname);

/** Waits until the element has drawn itself. */
const drawn = (page, selector) => page.waitForFunction((s) => document.querySelector(s)?.querySelector('table, form, .cg-placeholder, iframe'), selector);

describe('the cookies page (<consent-preferences>)', () => {
  for (const [lang, path] of [
    [EN, '/cookies'],
    [CY, '/cy/cwcis'],
  ]) {
    it(`${lang === EN ? 'English' : 'Welsh'}: no banner for a first-time visitor, No everywhere, nothing third-party; axe-clean before and after Save`, async () => {
      const { context, page } = await env.open();
      const from = env.demo.thirdPartyRequests.length;
      await page.goto(env.demo.siteUrl + path);
      await drawn(page, 'consent-preferences');
      // The UI is there (the form), yet the banner does not ask on this page.
      assert.equal(await region(page, lang).count(), 0);
      for (const name of ['cg-analytics', 'cg-embeds', 'cg-polls'])
        assert.equal(await page.locator(`input[name="${name}"][value="no"]`).isChecked(), true, name);
      for (const summary of await page.locator('consent-preferences summary').all()) await summary.click();
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('button', { name: lang.save }).click();
      await page.getByRole('alert').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      assert.equal((await consentCookie(context)).m, 'preferences');
      assert.deepEqual(thirdPartySince(from), []);
      await context.close();
    });
  }

  it('by keyboard: from a page, to the cookies page, a radio, Save, the notification, and the link back', async () => {
    const { context, page } = await env.open();
    await page.goto(env.demo.siteUrl + '/our-school');
    await bannerButton(page, EN.reject).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'cookies page' }).click();
    await page.waitForURL(env.demo.siteUrl + '/cookies');
    await drawn(page, 'consent-preferences');
    // Tab from the top of the page to the analytics question.
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement.name)) !== 'cg-analytics' && steps++ < 40) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.value), 'no', 'on the checked radio: No');
    await page.keyboard.press('ArrowLeft'); // to Yes
    assert.equal(await page.locator('input[name="cg-analytics"][value="yes"]').isChecked(), true);
    assert.equal(await consentCookie(context), undefined, 'a radio records nothing');
    while ((await focused(page)) !== `button.cg-button: ${EN.save}` && steps++ < 80) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    assert.match(await focused(page), /^div\.cg-notification: You've set your cookie preferences\. Go back to the page/);
    const record = await consentCookie(context);
    assert.equal(record.m, 'preferences');
    assert.deepEqual([record.c.analytics, record.c.embeds, record.c.polls], [1, 0, 0]);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a.cg-link: Go back to the page you were looking at');
    await page.keyboard.press('Enter');
    await page.waitForURL(env.demo.siteUrl + '/our-school');
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    assert.equal(await region(page).count(), 0, 'the question is answered');
    await context.close();
  });

  it('a parent may allow YouTube but not Facebook: the choice on the cookies page holds on the page with the embeds', async () => {
    const { context, page } = await env.open();
    const from = env.demo.thirdPartyRequests.length;
    await page.goto(env.demo.siteUrl + '/cookies');
    await drawn(page, 'consent-preferences');
    const embeds = page.locator('consent-preferences .cg-category').filter({ hasText: 'Cookies from videos and social media posts' });
    await embeds.getByText('Services and cookies').click();
    await embeds.getByRole('group', { name: 'Do you want to accept cookies from YouTube?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: EN.save }).click();
    await page.getByRole('alert').waitFor();
    const record = await consentCookie(context);
    assert.deepEqual([record.c.embeds, record.s], [0, { youtube: 1 }]);

    await page.goto(env.demo.siteUrl + '/our-school');
    await page.frameLocator('consent-embed[service="youtube"] iframe').locator('body[data-stand-in="youtube"]').waitFor();
    await page.locator('consent-embed[service="facebook"] .cg-placeholder').waitFor();
    assert.deepEqual(
      thirdPartySince(from),
      ['/youtube/embed/abc123'],
      'YouTube only: no Facebook, X or Slido request',
    );
    await context.close();
  });

  it('the footer’s "Cookie settings" still opens the dialog there, with no question behind it', async () => {
    const { context, page } = await env.open();
    await page.goto(env.demo.siteUrl + '/cookies');
    await drawn(page, 'consent-preferences');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await region(page).count(), 0);
    await context.close();
  });
});

describe('the README’s cookies page recipe', () => {
  it('with JavaScript: the settings and no banner; without: the <noscript> message says why they cannot be changed', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await env.browser.newContext({ javaScriptEnabled });
      await context.route(`${env.demo.siteUrl}/recipe`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: cookiesPageRecipe() }),
      );
      const page = await context.newPage();
      await page.goto(`${env.demo.siteUrl}/recipe`);
      // (Playwright's text locators skip <noscript>: read what the visitor sees.)
      const shown = () => page.locator('main').evaluate((main) => main.innerText);
      const message = 'We cannot change your cookie settings at the moment because JavaScript is not running';
      if (javaScriptEnabled) {
        await page.getByRole('button', { name: EN.save }).waitFor();
        assert.ok(!(await shown()).includes(message));
        assert.equal(await region(page).count(), 0, 'no banner');
      } else {
        await page.locator('noscript p').waitFor();
        assert.ok((await shown()).replace(/\s+/g, ' ').includes(message));
        assert.ok((await shown()).includes('reloading this page'));
        assert.equal(await page.getByRole('button').count(), 0);
      }
      await context.close();
    }
  });
});

describe('the cookie table (<consent-table>)', () => {
  for (const [lang, path, locale] of [
    [EN, '/privacy-notice', 'en-GB'],
    [CY, '/cy/cwcis', 'cy'],
  ]) {
    it(`${lang === EN ? 'English' : 'Welsh'} (${path}): lists every cookie of the catalogue, as the content model says; axe-clean`, async () => {
      const { context, page } = await env.open();
      await page.goto(env.demo.siteUrl + path);
      await drawn(page, 'consent-table');
      const tables = await page.locator('consent-table table').evaluateAll((all) =>
        all.map((t) => ({
          caption: t.caption.textContent.trim(),
          rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.trim())),
        })),
      );
      // The demo runs the script tag: its localStorage copy of the choice is listed too.
      const model = cookieTable(catalogue(), locale, localise, { scriptTag: true });
      assert.deepEqual(
        tables,
        model.sections.map((s) => ({ caption: s.caption, rows: s.rows.map((r) => [r.name, r.purpose, r.expires, r.setBy]) })),
      );
      const listed = tables.flatMap((t) => t.rows.map((r) => r[0]));
      for (const service of Object.values(catalogue().services))
        for (const cookie of service.cookies) assert.ok(listed.includes(cookie.name), `${cookie.name} (${service.name})`);
      assert.ok(listed.includes('cookie_preferences'));
      assert.ok(listed.includes('consent-gate'));
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});

describe('embed placeholders on the demo school', () => {
  for (const [lang, path] of [
    [EN, '/our-school'],
    [CY, '/cy/ein-hysgol'],
  ]) {
    it(`${lang === EN ? 'English' : 'Welsh'}: four placeholders, nothing third-party, axe-clean; and once loaded`, async () => {
      const { context, page } = await env.open();
      const from = env.demo.thirdPartyRequests.length;
      await page.goto(env.demo.siteUrl + path);
      await page.locator('consent-embed .cg-placeholder').nth(3).waitFor();
      await bannerButton(page, lang.reject, lang).waitFor();
      assert.equal(await page.locator('consent-embed button').count(), 8);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(thirdPartySince(from), []);
      await bannerButton(page, lang.accept, lang).click();
      await page.locator('consent-embed [data-stand-in="facebook"]').waitFor();
      await page.locator('consent-embed [data-stand-in="twitter"]').waitFor();
      await page.frameLocator('consent-embed[service="slido"] iframe').locator('body[data-stand-in="slido"]').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});
