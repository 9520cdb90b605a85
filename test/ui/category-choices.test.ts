// Per-service choices inside a category (a parent may allow YouTube but not Facebook), asked the
// same way in the preferences dialog and on the cookies page (src/ui/category-choices.ts).
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import type { ConsentController } from '../../src/consent/controller.js';
import type { ConsentBanner } from '../../src/ui/consent-banner/consent-banner.js';
import '../../src/ui/consent-banner/define.js';
import type { ConsentPreferences } from '../../src/ui/consent-preferences/consent-preferences.js';
import '../../src/ui/consent-preferences/define.js';
import { button, run, stop } from './running.js';

const radio = (scope: Element, name: string, value: 'yes' | 'no') =>
  scope.querySelector(`input[name="${name}"][value="${value}"]`) as HTMLInputElement;
const embedsDetails = (scope: Element) =>
  [...scope.querySelectorAll('details')].find((d) => d.textContent!.includes('YouTube')) as HTMLDetailsElement;

/** The preferences dialog, opened with `consent-open`. */
async function dialog(): Promise<HTMLDialogElement> {
  const root = await fixture<HTMLElement>(html`<div><consent-banner></consent-banner></div>`);
  const banner = root.querySelector('consent-banner') as ConsentBanner;
  await banner.updateComplete;
  document.dispatchEvent(new Event('consent-open'));
  await banner.updateComplete;
  await nextFrame();
  return banner.querySelector('dialog')!;
}

async function cookiesPage(): Promise<ConsentPreferences> {
  const el = await fixture<ConsentPreferences>(html`<consent-preferences></consent-preferences>`);
  await el.updateComplete;
  return el;
}

async function save(scope: Element, controller: ConsentController) {
  const changed = oneEvent(document, 'consent-change');
  button(scope, 'Save cookie settings')!.click();
  await changed;
  return controller.record!;
}

for (const [where, open] of [
  ['the preferences dialog', dialog],
  ['the cookies page', cookiesPage],
] as const) {
  describe(`per-service choices, in ${where}`, () => {
    beforeEach(() => {
      document.documentElement.lang = 'en-GB';
    });
    afterEach(() => {
      document.querySelector<HTMLDialogElement>('dialog[open]')?.close();
      stop();
    });

    it('asks about each service of a category that has several, in its disclosure; not in a one-service category', async () => {
      run();
      const scope = await open();
      const legends = [...embedsDetails(scope).querySelectorAll('legend')].map((l) => l.textContent!.trim());
      expect(legends).to.deep.equal([
        'Do you want to accept cookies from YouTube?',
        'Do you want to accept cookies from Facebook?',
        'Do you want to accept cookies from X (Twitter)?',
      ]);
      expect(scope.querySelector('input[name="cg-service:slido"]')).to.equal(null);
      expect(scope.querySelector('input[name="cg-service:google-analytics"]')).to.equal(null);
      for (const s of ['youtube', 'facebook', 'twitter']) expect(radio(scope, `cg-service:${s}`, 'no').checked, s).to.equal(true);
      expect(embedsDetails(scope).open).to.equal(false);
    });

    it('the services follow a change of their category; Save stores YouTube allowed but not Facebook', async () => {
      const controller = run();
      const scope = await open();
      radio(scope, 'cg-embeds', 'yes').click();
      for (const s of ['youtube', 'facebook', 'twitter']) expect(radio(scope, `cg-service:${s}`, 'yes').checked, s).to.equal(true);
      radio(scope, 'cg-service:facebook', 'no').click();
      const record = await save(scope, controller);
      expect(record.categories).to.deep.equal({ analytics: false, embeds: true, polls: false });
      expect(record.services).to.deep.equal({ facebook: false });
      expect([controller.allows('youtube'), controller.allows('facebook'), controller.allows('twitter')]).to.deep.equal([true, false, true]);
    });

    it('a service allowed on its own shows as Yes, with its disclosure open; the category still says No', async () => {
      const controller = run();
      await controller.update({ youtube: true }, 'embed');
      const scope = await open();
      expect(radio(scope, 'cg-embeds', 'no').checked).to.equal(true);
      expect(radio(scope, 'cg-service:youtube', 'yes').checked).to.equal(true);
      expect(radio(scope, 'cg-service:facebook', 'no').checked).to.equal(true);
      expect(embedsDetails(scope).open).to.equal(true);
      radio(scope, 'cg-analytics', 'yes').click();
      const record = await save(scope, controller);
      expect(record.services).to.deep.equal({ youtube: true }, 'kept: what the radios showed');
      expect(record.categories.embeds).to.equal(false);
    });

    it('a one-service category shows what its service may do, and saving replaces the exception', async () => {
      const controller = run();
      await controller.update({ slido: true }, 'embed');
      const scope = await open();
      expect(radio(scope, 'cg-polls', 'yes').checked).to.equal(true);
      radio(scope, 'cg-polls', 'no').click();
      const record = await save(scope, controller);
      expect(record.categories.polls).to.equal(false);
      expect(record.services).to.deep.equal({});
      expect(controller.allows('slido')).to.equal(false);
    });
  });
}
