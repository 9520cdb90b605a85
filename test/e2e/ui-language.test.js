// English and Welsh on the demo site: a Welsh page (<html lang="cy">) shows no English string in
// the banner, the dialog or the confirmation; a choice made in Welsh holds in English; the
// language switch leads to the same page in the other language.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CY, EN, bannerButton, consentCookie, dialog, englishPhrases, openPreferences, region, startDemo, visit } from './ui-support.js';

let env;
before(async () => {
  env = await startDemo();
});
after(() => env?.close());

/** Every English phrase the UI could show (the site-search preset's title too). */
const ENGLISH = englishPhrases('Site search statistics');

/** The consent UI's visible text and accessible names (aria-label, alt) in the page. */
function uiText() {
  const host = document.querySelector('consent-banner');
  const names = [...host.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label'));
  return `${host.innerText}\n${names.join('\n')}`;
}

describe('Welsh', () => {
  it('a Welsh page shows no English string: question, dialog with every disclosure open, confirmation', async () => {
    const { context, page, consoleErrors } = await env.open();
    await visit(page, env.demo.siteUrl + '/cy', CY);
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy');
    assert.equal(await region(page, CY).getAttribute('lang'), 'cy');
    const english = (text) => ENGLISH.filter((s) => text.includes(s));
    assert.deepEqual(english(await page.evaluate(uiText)), [], 'question');
    assert.equal(await region(page, CY).getByRole('link', { name: CY.view }).getAttribute('href'), '/cy/cwcis');
    const d = await openPreferences(page, CY);
    assert.equal(await d.getAttribute('lang'), 'cy');
    const dialogText = await page.evaluate(uiText);
    assert.deepEqual(english(dialogText), [], 'dialog');
    for (const welsh of ['Cwcis hanfodol', 'Bob amser ymlaen', 'Ydych chi eisiau derbyn cwcis dadansoddol?', 'Ydw', 'Nac ydw', 'Enw', 'Diben', 'Dod i ben', '2 flynedd', 'sesiwn', 'Polau'])
      assert.ok(dialogText.includes(welsh), welsh);
    await d.getByRole('button', { name: CY.reject }).click();
    await page.getByText(CY.rejected).waitFor();
    assert.deepEqual(english(await page.evaluate(uiText)), [], 'confirmation');
    // (Network errors are the demo's business; the UI itself must log nothing.)
    assert.deepEqual(consoleErrors.filter((e) => !e.startsWith('Failed to load resource')), []);
    await context.close();
  });

  it('the same test finds English on an English page (it can fail)', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/', EN);
    const text = await page.evaluate(uiText);
    assert.ok(ENGLISH.filter((s) => text.includes(s)).length > 5);
    await context.close();
  });

  it('a choice made on a Welsh page holds on the English pages', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/cy', CY);
    const d = await openPreferences(page, CY);
    await d.getByRole('group', { name: 'Ydych chi eisiau derbyn cwcis dadansoddol?' }).getByRole('radio', { name: 'Ydw', exact: true }).check();
    await d.getByRole('button', { name: CY.save }).click();
    await page.getByText('Rydych chi wedi gosod eich dewisiadau cwcis.').waitFor();
    const { c } = await consentCookie(context);
    assert.deepEqual([c.analytics, c.embeds, c.polls], [1, 0, 0]);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(env.demo.siteUrl + '/');
    await page.waitForFunction(() => window.consentGate?.record);
    assert.equal(await region(page).count(), 0, 'no banner: the visitor has chosen');
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    assert.ok(env.demo.thirdPartyRequests.some((r) => r.url.includes('/gtag/js')), 'analytics runs on the English page');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' }).click();
    const en = dialog(page);
    await en.waitFor();
    assert.equal(await en.getByRole('group', { name: 'Do you want to accept analytics cookies?' }).getByRole('radio', { name: 'Yes', exact: true }).isChecked(), true);
    assert.equal(await en.getByRole('group', { name: 'Do you want to accept cookies for Polls?' }).getByRole('radio', { name: 'No', exact: true }).isChecked(), true);
    await context.close();
  });

  it('the language switch leads to the same page in the other language, with the banner in that language', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/our-school', EN);
    await page.getByRole('link', { name: 'Cymraeg' }).click();
    await page.waitForURL(env.demo.siteUrl + '/cy/ein-hysgol');
    await bannerButton(page, CY.accept, CY).waitFor();
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(env.demo.siteUrl + '/our-school');
    await bannerButton(page, EN.accept, EN).waitFor();
    await context.close();
  });

  it('Escape in the Welsh dialog records nothing', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/cy', CY);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Gosodiadau cwcis' }).focus();
    await page.keyboard.press('Enter');
    await dialog(page, CY).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('consent-banner dialog').waitFor({ state: 'detached' });
    assert.equal(await consentCookie(context), undefined);
    assert.equal(await bannerButton(page, CY.reject, CY).isVisible(), true);
    await context.close();
  });
});
