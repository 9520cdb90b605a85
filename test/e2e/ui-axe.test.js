// axe-core (WCAG 2.0/2.1/2.2 A and AA tags) on whole demo pages, in every state of the consent UI —
// the question, the preferences dialog with every disclosure open, after Accept, after Reject —
// in English and in Welsh, in the light and the dark colour scheme. Zero violations, always.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CY, EN, axeViolations, bannerButton, dialog, openPreferences, startDemo, visit } from './ui-support.js';

let env;
before(async () => {
  env = await startDemo();
});
after(() => env?.close());

for (const lang of [EN, CY]) {
  for (const colorScheme of ['light', 'dark']) {
    describe(`axe, ${lang === EN ? 'English' : 'Welsh'}, ${colorScheme}`, () => {
      async function page() {
        const session = await env.open();
        await session.page.emulateMedia({ colorScheme });
        await visit(session.page, env.demo.siteUrl + lang.path, lang);
        return session;
      }

      it('the question', async () => {
        const { context, page: p } = await page();
        assert.deepEqual(await axeViolations(p), []);
        await context.close();
      });

      it('the preferences dialog, every disclosure open', async () => {
        const { context, page: p } = await page();
        const d = await openPreferences(p, lang);
        assert.ok((await d.locator('details[open]').count()) >= 3);
        assert.equal(await d.locator('details:not([open])').count(), 0);
        assert.deepEqual(await axeViolations(p), []);
        await context.close();
      });

      for (const choice of ['accept', 'reject']) {
        it(`after ${choice === 'accept' ? 'Accept' : 'Reject'}`, async () => {
          const { context, page: p } = await page();
          await bannerButton(p, lang[choice], lang).click();
          await p.getByText(lang[choice === 'accept' ? 'accepted' : 'rejected']).waitFor();
          assert.deepEqual(await axeViolations(p), []);
          await context.close();
        });
      }
    });
  }
}

describe('axe, the dialog opened on the cookies page after a choice', () => {
  it('has no violations and shows the stored choice', async () => {
    const { context, page } = await env.open();
    // The cookies page asks with its own form (<consent-preferences>), not the banner.
    await page.goto(env.demo.siteUrl + '/cookies');
    await page.getByRole('button', { name: EN.save }).click();
    await page.getByRole('alert').waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' }).click();
    const d = dialog(page);
    await d.waitFor();
    assert.equal(await d.getByRole('radio', { name: 'No' }).first().isChecked(), true);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
