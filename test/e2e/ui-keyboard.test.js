// A keyboard visitor's journeys on the demo site, from the top of the page: the banner comes first,
// its buttons in visual order, Enter and Space work, Tab leaves it into the page; after a choice the
// confirmation has focus; Hide never drops focus on <body>; the preferences dialog takes focus,
// keeps Tab inside, closes on Escape without recording anything and gives focus back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CY, EN, bannerButton, consentCookie, dialog, focused, region, startDemo, visit } from './ui-support.js';

let env;
before(async () => {
  env = await startDemo();
});
after(() => env?.close());

describe('keyboard, from the top of the page', () => {
  for (const lang of [EN, CY]) {
    it(`${lang === EN ? 'English' : 'Welsh'}: Tab reaches Accept, Reject, Choose cookies and View cookies in visual order, then leaves into the page`, async () => {
      const { context, page } = await env.open();
      await visit(page, env.demo.siteUrl + lang.path, lang);
      const order = [];
      const boxes = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        order.push(await focused(page));
        const box = await page.evaluate(() => {
          const r = document.activeElement.getBoundingClientRect();
          return document.activeElement.closest('consent-banner') && { x: r.x, top: r.top, bottom: r.bottom };
        });
        if (!box) break;
        boxes.push(box);
      }
      assert.deepEqual(order.slice(0, 3), [
        `button.cg-button: ${lang.accept}`,
        `button.cg-button: ${lang.reject}`,
        `button.cg-button: ${lang.choose}`,
      ]);
      // (A statistical-exception category's "Turn off" button may come next.)
      assert.equal(order.at(-2), `a.cg-link: ${lang.view}`, 'the link to the cookies page is the last control');
      assert.match(order.at(-1), /^a\.skip-link: /, 'the next Tab leaves the banner for the page');
      // Visual order matches reading order: left to right along a row, then the next row down.
      for (let i = 1; i < boxes.length; i++) {
        const [a, b] = [boxes[i - 1], boxes[i]];
        const sameRow = b.top < a.bottom && a.top < b.bottom;
        assert.ok(sameRow ? b.x > a.x : b.top >= a.bottom, JSON.stringify(boxes));
      }
      assert.equal(boxes[1].top, boxes[0].top, 'Accept and Reject side by side');
      await context.close();
    });
  }

  it('Enter on Reject records the refusal; focus lands on the confirmation; Hide by Space moves focus to the main content', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(EN.rejected).waitFor();
    const { c } = await consentCookie(context);
    assert.equal(c.analytics, 0);
    assert.ok(Object.values(c).every((v) => v === 0), JSON.stringify(c));
    const message = await page.evaluate(() => {
      const el = document.activeElement;
      return { role: el.getAttribute('role'), tabindex: el.getAttribute('tabindex'), text: el.textContent.replace(/\s+/g, ' ').trim() };
    });
    assert.deepEqual(message, {
      role: 'alert',
      tabindex: '-1',
      text: "You've rejected additional cookies. You can change your cookie settings at any time.",
    });
    // From the confirmation, Tab reaches the link, then Hide.
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a.cg-link: change your cookie settings');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), `button.cg-button: ${EN.hide}`);
    await page.keyboard.press('Space');
    await region(page).waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await context.close();
  });

  it('Space on Accept records the acceptance', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.getByText(EN.accepted).waitFor();
    const { c } = await consentCookie(context);
    assert.equal(c.analytics, 1);
    assert.ok(Object.values(c).every((v) => v === 1), JSON.stringify(c));
    assert.match(await focused(page), /^div\.cg-message: You've accepted/);
    await context.close();
  });
});

describe('keyboard, the preferences dialog', () => {
  it('Choose cookies opens it with focus inside; Tab cycles; Escape closes without consenting; focus returns to the opener', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const d = dialog(page);
    await d.waitFor();
    assert.equal(await focused(page), 'h2.cg-heading: Cookie settings');
    const seen = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused(page));
      assert.equal(await page.evaluate(() => !!document.activeElement.closest('dialog[open]')), true, `Tab ${i + 1}: ${seen.at(-1)}`);
    }
    assert.ok(seen.filter((s) => s === 'button.cg-button: Close').length >= 2, 'Tab wrapped round to the start');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Escape');
    // (A closed <dialog> leaves the accessibility tree at once; wait until it has left the DOM.)
    await page.locator('consent-banner dialog').waitFor({ state: 'detached' });
    assert.equal(await focused(page), `button.cg-button: ${EN.choose}`);
    assert.equal(await consentCookie(context), undefined, 'Escape recorded nothing');
    assert.equal(await bannerButton(page, EN.reject).isVisible(), true, 'the question is still there');
    await context.close();
  });

  it('radios by arrow keys, then Save: the choice is stored with method "preferences" and the confirmation has focus', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/');
    await bannerButton(page, EN.choose).click();
    const d = dialog(page);
    await d.getByRole('radio', { name: 'No' }).first().focus();
    await page.keyboard.press('ArrowLeft'); // to Yes
    assert.equal(await d.getByRole('radio', { name: 'Yes' }).first().isChecked(), true);
    await d.getByRole('button', { name: EN.save }).focus();
    await page.keyboard.press('Enter');
    await page.locator('consent-banner dialog').waitFor({ state: 'detached' });
    const record = await consentCookie(context);
    assert.equal(record.m, 'preferences');
    assert.deepEqual([record.c.analytics, record.c.embeds, record.c.polls], [1, 0, 0]);
    assert.match(await focused(page), /^div\.cg-message: You've set your cookie preferences\./);
    await context.close();
  });

  it('a [data-consent-open] link in the footer opens it; Escape returns focus to that link', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/');
    await bannerButton(page, EN.reject).click();
    await bannerButton(page, EN.hide).click();
    const link = page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' });
    await link.focus();
    await page.keyboard.press('Enter');
    const d = dialog(page);
    await d.waitFor();
    assert.equal(page.url(), env.demo.siteUrl + '/', 'the link did not navigate');
    assert.equal(await d.getByRole('radio', { name: 'No' }).first().isChecked(), true, 'the stored refusal');
    await page.keyboard.press('Escape');
    await page.locator('consent-banner dialog').waitFor({ state: 'detached' });
    assert.equal(await focused(page), 'a: Cookie settings');
    await context.close();
  });

  it('a [data-consent-open] link clicked on a first visit before the core has arrived opens the preferences once it has', async () => {
    const { context, page } = await env.open();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await context.route('**/consent-gate-core.min.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(env.demo.siteUrl + '/');
    const link = page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' });
    await link.click();
    assert.equal(await page.locator('consent-banner').count(), 0, 'the core is not here yet');
    release();
    await dialog(page).waitFor();
    assert.equal(page.url(), env.demo.siteUrl + '/', 'the link did not navigate');
    await context.close();
  });

  it('opens from [data-consent-open] elements added later and from consent.open()', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/');
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.textContent = 'Later settings';
      b.setAttribute('data-consent-open', '');
      document.querySelector('main').append(b);
    });
    await page.getByRole('button', { name: 'Later settings' }).click();
    await dialog(page).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('consent-banner dialog').waitFor({ state: 'detached' });
    assert.equal(await focused(page), 'button: Later settings');
    await page.evaluate(() => window.consentGate.open());
    await dialog(page).waitFor();
    await dialog(page).getByRole('button', { name: EN.accept }).click();
    await page.locator('consent-banner dialog').waitFor({ state: 'detached' });
    assert.equal((await consentCookie(context)).m, 'preferences');
    await context.close();
  });
});
