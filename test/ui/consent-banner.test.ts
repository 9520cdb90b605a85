import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parseCatalogue } from '../../src/catalogue/validate.js';
import { CONTROLLER_KEY, ConsentController } from '../../src/consent/controller.js';
import { enGB } from './english.js';
import type { ConsentBanner } from '../../src/ui/consent-banner/consent-banner.js';
import '../../src/ui/consent-banner/define.js';

const COOKIE = 'banner_test_prefs';

const BASE = {
  site: 'Test School',
  revision: 1,
  cookie: { name: COOKIE },
  cookiesPageUrl: '/cookies',
  categories: {
    essential: { required: true },
    analytics: { services: ['google-analytics'] },
    embeds: { services: ['youtube', 'facebook'] },
    polls: { title: { en: 'Polls', cy: 'Polau' }, services: ['slido'] },
  },
  services: {
    'google-analytics': { preset: 'google-analytics' },
    youtube: { preset: 'youtube' },
    facebook: { preset: 'facebook' },
    slido: { preset: 'slido' },
  },
};

/** Configures a controller as the page's running one (what startConsentGate does). */
function run(input: object = BASE): ConsentController {
  const result = parseCatalogue(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const controller = new ConsentController();
  controller.configure(result.catalogue);
  (globalThis as Record<symbol, unknown>)[CONTROLLER_KEY] = controller;
  return controller;
}

async function page(template = html`<consent-banner></consent-banner>`) {
  const root = await fixture<HTMLElement>(html`<div>${template}<main><h1>Page</h1><a href="#x">Cookie settings</a></main></div>`);
  const banner = root.querySelector('consent-banner') as ConsentBanner;
  await banner.updateComplete;
  return { root, banner, main: root.querySelector('main')! };
}

const button = (scope: Element, name: string) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent!.trim() === name) as HTMLButtonElement;
const region = (banner: Element) => banner.querySelector('[role="region"]') as HTMLElement;
const dialog = (banner: Element) => banner.querySelector('dialog') as HTMLDialogElement | null;
const radio = (banner: Element, category: string, value: 'yes' | 'no') =>
  banner.querySelector(`input[name="cg-${category}"][value="${value}"]`) as HTMLInputElement;
const frames = async () => {
  await nextFrame();
  await nextFrame();
};
/** Presses `name` in the bar and waits for the choice and the banner's next drawing. */
async function press(banner: ConsentBanner, name: string) {
  const changed = oneEvent(document, 'consent-change');
  button(banner, name).click();
  await changed;
  await banner.updateComplete;
}

describe('<consent-banner>', () => {
  beforeEach(() => {
    document.cookie = `${COOKIE}=; max-age=0; path=/`;
    document.documentElement.lang = 'en-GB';
  });
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[CONTROLLER_KEY];
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  });

  describe('the question', () => {
    it('is a labelled region with a heading, Accept, Reject, Choose cookies and a link to the cookies page', async () => {
      run();
      const { banner } = await page();
      expect(banner.hasAttribute('data-nosnippet')).to.equal(true);
      const r = region(banner);
      expect(r.getAttribute('aria-label')).to.equal('Cookies on Test School');
      expect(r.querySelector('h2')!.textContent!.trim()).to.equal('Cookies on Test School');
      const controls = [...r.querySelectorAll('button, a')].map((el) => el.textContent!.trim());
      expect(controls).to.deep.equal(['Accept additional cookies', 'Reject additional cookies', 'Choose cookies', 'View cookies']);
      expect(r.querySelector('a')!.getAttribute('href')).to.equal('/cookies');
      expect(r.querySelector('[aria-label*="close" i], .close')).to.equal(null, 'no close control');
      await expect(banner).to.be.accessible();
    });

    it('names the purposes and the organisations that set cookies, from the catalogue', async () => {
      run();
      const { banner } = await page();
      const text = region(banner).textContent!.replace(/\s+/g, ' ');
      expect(text).to.include('analytics cookies to understand how you use the website');
      expect(text).to.include('cookies for Polls');
      expect(text).to.include('Other organisations set some of these cookies: Google Analytics, YouTube, Facebook and Slido.');
    });

    it('does not mention other organisations when the site runs everything itself', async () => {
      run({ ...BASE, categories: { essential: { required: true }, analytics: { services: ['site-search'] } }, services: {} });
      const { banner } = await page();
      const text = region(banner).textContent!;
      expect(text).to.include('analytics cookies');
      expect(text).not.to.include('Other organisations');
    });

    it('is not shown once the visitor has chosen', async () => {
      run().acceptAll('banner');
      run();
      const { banner } = await page();
      expect(region(banner)).to.equal(null);
    });

    it('asks again after a reset, and goes when a choice is made elsewhere', async () => {
      const controller = run();
      const { banner } = await page();
      await controller.acceptAll('api');
      await banner.updateComplete;
      expect(region(banner)).to.equal(null);
      controller.reset();
      await banner.updateComplete;
      expect(button(banner, 'Reject additional cookies')).to.exist;
    });
  });

  describe('after a choice', () => {
    it('Accept stores a banner choice; the confirmation replaces the question, takes focus and is announced', async () => {
      const controller = run();
      const { banner } = await page();
      await press(banner, 'Accept additional cookies');
      await nextFrame();
      expect(controller.record?.method).to.equal('banner');
      expect(controller.record?.categories).to.deep.equal({ analytics: true, embeds: true, polls: true });
      const message = banner.querySelector('.cg-message') as HTMLElement;
      expect(document.activeElement).to.equal(message);
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.getAttribute('tabindex')).to.equal('-1');
      expect(message.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        "You've accepted additional cookies. You can change your cookie settings at any time.",
      );
      expect(button(banner, 'Accept additional cookies')).to.equal(undefined);
      await expect(banner).to.be.accessible();
    });

    it('Reject refuses every optional category', async () => {
      const controller = run();
      const { banner } = await page();
      await press(banner, 'Reject additional cookies');
      expect(controller.record?.categories).to.deep.equal({ analytics: false, embeds: false, polls: false });
      expect(banner.querySelector('.cg-message')!.textContent).to.include("You've rejected additional cookies.");
    });

    it('Hide removes the banner and puts focus on the main content, not on <body>', async () => {
      run();
      const { banner, main } = await page();
      await press(banner, 'Reject additional cookies');
      button(banner, 'Hide this message').click();
      await banner.updateComplete;
      expect(region(banner)).to.equal(null);
      expect(document.activeElement).to.equal(main);
      main.blur();
      expect(main.hasAttribute('tabindex')).to.equal(false, 'the temporary tabindex goes once focus leaves');
    });

    it('a decision the page vetoes (consent-before-change) leaves the question up', async () => {
      const controller = run();
      const { banner } = await page();
      const veto = (e: Event) => e.preventDefault();
      document.addEventListener('consent-before-change', veto);
      try {
        button(banner, 'Accept additional cookies').click();
        await banner.updateComplete;
        await nextFrame();
      } finally {
        document.removeEventListener('consent-before-change', veto);
      }
      expect(controller.record).to.equal(undefined);
      expect(button(banner, 'Accept additional cookies')).to.exist;
    });
  });

  describe('the preferences dialog', () => {
    async function openFromBanner() {
      const controller = run();
      const view = await page();
      const choose = button(view.banner, 'Choose cookies');
      choose.focus();
      choose.click();
      await view.banner.updateComplete;
      await nextFrame();
      return { controller, choose, ...view };
    }

    it('is a modal dialog labelled by its heading; focus moves in; No is selected on first view', async () => {
      const { banner } = await openFromBanner();
      const d = dialog(banner)!;
      expect(d.open).to.equal(true);
      expect(d.matches(':modal')).to.equal(true);
      expect(d.getAttribute('aria-labelledby')).to.equal('cg-preferences-heading');
      expect(document.getElementById('cg-preferences-heading')!.textContent).to.equal('Cookie settings');
      expect(d.contains(document.activeElement)).to.equal(true);
      expect(getComputedStyle(region(banner)).visibility).to.equal('hidden', 'one set of choices at a time');
      for (const c of ['analytics', 'embeds', 'polls']) {
        expect(radio(banner, c, 'no').checked, c).to.equal(true);
        expect(radio(banner, c, 'yes').checked, c).to.equal(false);
      }
      expect(d.querySelector('input[name="cg-essential"]')).to.equal(null, 'essential is text, not a control');
      expect(d.textContent).to.include('Always on');
      // (A category's own question; per-service questions sit in its disclosure: test/ui/category-choices.test.ts.)
      const legends = [...d.querySelectorAll('.cg-category > fieldset > legend')].map((l) => l.textContent!.trim());
      expect(legends).to.deep.equal([
        'Do you want to accept analytics cookies?',
        'Do you want to accept cookies from videos and social media posts?',
        'Do you want to accept cookies for Polls?',
      ]);
      await expect(banner).to.be.accessible();
    });

    it('lists each service and its cookies (name, purpose, expiry) in a disclosure', async () => {
      const { banner } = await openFromBanner();
      const details = dialog(banner)!.querySelectorAll('details');
      expect(details.length).to.equal(3, 'one per category with services');
      const analytics = details[0];
      expect(analytics.open).to.equal(false);
      expect(analytics.querySelector('summary')!.textContent).to.equal('Services and cookies');
      const rows = [...analytics.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent!.trim()));
      expect(rows[0]).to.deep.equal(['_ga', 'Checks if you’ve visited the site before. This helps us count how many people visit.', '2 years']);
      expect(analytics.textContent).to.include('Set by Google.');
      const privacy = analytics.querySelector('a')!;
      expect(privacy.href).to.equal('https://policies.google.com/privacy');
      expect(privacy.textContent).to.equal('Google privacy policy (opens in new tab)');
      expect(privacy.target).to.equal('_blank');
    });

    it('Tab and Shift+Tab cycle inside; Escape closes without recording anything and focus returns to the opener', async () => {
      const { banner, controller, choose } = await openFromBanner();
      const d = dialog(banner)!;
      const seen: Element[] = [];
      for (let i = 0; i < 30; i++) {
        await sendKeys({ press: 'Tab' });
        seen.push(document.activeElement!);
        expect(d.contains(document.activeElement), `Tab ${i + 1}`).to.equal(true);
      }
      expect(seen.filter((el) => el.textContent?.trim() === 'Close').length).to.be.greaterThan(1, 'it wrapped');
      button(d, 'Close').focus();
      await sendKeys({ press: 'Shift+Tab' });
      expect(document.activeElement!.textContent!.trim()).to.equal('Reject additional cookies');
      const closed = oneEvent(d, 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      await banner.updateComplete;
      expect(dialog(banner)).to.equal(null);
      expect(controller.record).to.equal(undefined);
      expect(document.activeElement).to.equal(choose);
      expect(button(banner, 'Accept additional cookies')).to.exist;
    });

    it('Save stores the radios with method "preferences"; the confirmation takes focus', async () => {
      const { banner, controller } = await openFromBanner();
      radio(banner, 'analytics', 'yes').click();
      expect(controller.record).to.equal(undefined, 'changing a radio records nothing: only Save does');
      const closed = oneEvent(dialog(banner)!, 'close');
      const changed = oneEvent(document, 'consent-change');
      button(dialog(banner)!, 'Save cookie settings').click();
      await changed;
      await closed;
      await banner.updateComplete;
      await nextFrame();
      expect(controller.record?.method).to.equal('preferences');
      expect(controller.record?.categories).to.deep.equal({ analytics: true, embeds: false, polls: false });
      expect(dialog(banner)).to.equal(null);
      const message = banner.querySelector('.cg-message')!;
      expect(message.textContent).to.include("You've set your cookie preferences.");
      expect(document.activeElement).to.equal(message);
    });

    it('Accept all and Reject all in the dialog record method "preferences"', async () => {
      const { banner, controller } = await openFromBanner();
      const changed = oneEvent(document, 'consent-change');
      button(dialog(banner)!, 'Reject additional cookies').click();
      await changed;
      expect(controller.record?.method).to.equal('preferences');
      expect(controller.record?.categories).to.deep.equal({ analytics: false, embeds: false, polls: false });
    });

    it('opened again (consent-open), it shows the stored choice and returns focus to the opener', async () => {
      const controller = run();
      await controller.update({ analytics: false, embeds: true, polls: false, youtube: false }, 'embed');
      const { banner, root } = await page();
      expect(region(banner)).to.equal(null);
      const opener = root.querySelector('a')!;
      opener.focus();
      document.dispatchEvent(new Event('consent-open'));
      await banner.updateComplete;
      await nextFrame();
      expect(radio(banner, 'embeds', 'yes').checked).to.equal(true);
      expect(radio(banner, 'analytics', 'no').checked).to.equal(true);
      // Saving without changing embeds keeps the per-service exception made earlier.
      radio(banner, 'polls', 'yes').click();
      const closed = oneEvent(dialog(banner)!, 'close');
      const changed = oneEvent(document, 'consent-change');
      button(dialog(banner)!, 'Save cookie settings').click();
      await changed;
      expect(controller.record?.categories).to.deep.equal({ analytics: false, embeds: true, polls: true });
      expect(controller.record?.services).to.deep.equal({ youtube: false });
      await closed;
      await banner.updateComplete;
      expect(document.activeElement).to.equal(opener);
      // The confirmation is announced in the bar without taking focus from where the visitor was.
      expect(banner.querySelector('.cg-message[role="alert"]')!.textContent).to.include("You've set your cookie preferences.");
    });
  });

  describe('returning focus', () => {
    it('goes back to a [data-consent-open] element that was clicked without taking focus (as in Safari)', async () => {
      run().rejectAll('banner');
      const { banner, root } = await page();
      const opener = root.querySelector('a')!;
      opener.setAttribute('data-consent-open', '');
      opener.addEventListener('click', (e) => e.preventDefault(), { once: true });
      (document.activeElement as HTMLElement | null)?.blur();
      opener.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      expect(document.activeElement).to.equal(document.body);
      document.dispatchEvent(new Event('consent-open'));
      await banner.updateComplete;
      const d = dialog(banner)!;
      const closed = oneEvent(d, 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      await banner.updateComplete;
      expect(document.activeElement).to.equal(opener);
    });
  });

  describe('drawn again', () => {
    it('the dialog opened from the confirmation’s link and saved gives focus back to that same link', async () => {
      run();
      const { banner } = await page();
      await press(banner, 'Reject additional cookies');
      const link = banner.querySelector<HTMLAnchorElement>('.cg-message a[data-consent-open]')!;
      link.focus();
      document.dispatchEvent(new Event('consent-open'));
      await banner.updateComplete;
      await nextFrame();
      const closed = oneEvent(dialog(banner)!, 'close');
      const changed = oneEvent(document, 'consent-change');
      button(dialog(banner)!, 'Save cookie settings').click();
      await changed;
      await closed;
      await banner.updateComplete;
      await nextFrame();
      expect(banner.querySelector('.cg-message')!.textContent).to.include("You've set your cookie preferences.");
      expect(link.isConnected).to.equal(true, 'the link is kept while its message changes');
      expect(document.activeElement).to.equal(link);
      expect(region(banner).hasAttribute('data-behind-dialog')).to.equal(false);
    });

    it('asking again while focus is in the bar never leaves focus on Accept or Reject', async () => {
      const controller = run();
      const { banner } = await page();
      await press(banner, 'Reject additional cookies');
      button(banner, 'Hide this message').focus();
      controller.reset();
      await banner.updateComplete;
      expect(button(banner, 'Accept additional cookies')).to.exist;
      expect(document.activeElement?.closest('[data-consent-action]')).to.equal(null);
    });

    it('keeps a placement given before the element was defined', async () => {
      run();
      const { root } = await page();
      const early = document.createElement('consent-banner-defined-late') as ConsentBanner;
      early.placement = 'top';
      root.append(early);
      const Banner = customElements.get('consent-banner') as typeof HTMLElement;
      customElements.define('consent-banner-defined-late', class extends Banner {});
      expect(early.getAttribute('placement')).to.equal('top');
      expect(early.placement).to.equal('top');
    });
  });

  describe('language', () => {
    it('speaks Welsh inside lang="cy", with lang on its roots, and no English string', async () => {
      const controller = run();
      const { banner } = await page(html`<div lang="cy"><consent-banner></consent-banner></div>`);
      const r = region(banner);
      expect(r.getAttribute('lang')).to.equal('cy');
      expect(r.getAttribute('aria-label')).to.equal('Cwcis ar Test School');
      expect(button(banner, 'Derbyn cwcis ychwanegol')).to.exist;
      expect(button(banner, 'Gwrthod cwcis ychwanegol')).to.exist;
      expect(r.textContent).to.include('cwcis dadansoddol');
      expect(r.textContent).to.include('a chwcis ar gyfer Polau');
      button(banner, 'Dewis cwcis').click();
      await banner.updateComplete;
      const d = dialog(banner)!;
      expect(d.getAttribute('lang')).to.equal('cy');
      for (const details of d.querySelectorAll('details')) details.open = true;
      const visible = `${r.innerText}\n${d.innerText}`;
      const english = Object.values(enGB)
        .flatMap((s) => s.split(/\{\w+\}/))
        .map((s) => s.trim())
        .filter((s) => s.length > 3);
      for (const s of english) expect(visible, s).not.to.include(s);
      for (const phrase of ['Checks if', 'Remembers', 'Used by', 'years', 'session', 'Set by']) expect(visible).not.to.include(phrase);
      expect(d.innerText).to.include('2 flynedd');
      await expect(banner).to.be.accessible();
      d.close();
      expect(controller.record).to.equal(undefined);
    });

    it('uses the site’s own strings and Welsh site name from the catalogue', async () => {
      run({ ...BASE, texts: { cy: { site: 'Ysgol Brawf', 'banner.choose': 'Dewiswch' }, en: { 'banner.heading': 'Cookies at {site}' } } });
      document.documentElement.lang = 'cy';
      const { banner } = await page();
      expect(region(banner).getAttribute('aria-label')).to.equal('Cwcis ar Ysgol Brawf');
      expect(button(banner, 'Dewiswch')).to.exist;
      document.documentElement.lang = 'en-GB';
      banner.requestUpdate();
      await banner.updateComplete;
      expect(region(banner).querySelector('h2')!.textContent).to.equal('Cookies at Test School');
      expect(region(banner).getAttribute('lang')).to.equal('en-GB');
    });
  });

  describe('placement', () => {
    it('bottom: a fixed bar whose height the document reserves while it is shown, and releases after', async () => {
      run();
      const { banner } = await page();
      const bar = region(banner);
      expect(getComputedStyle(bar).position).to.equal('fixed');
      await frames();
      const height = Math.ceil(bar.getBoundingClientRect().height);
      const html = getComputedStyle(document.documentElement);
      expect(html.scrollPaddingBottom).to.equal(`${height}px`);
      expect(html.paddingBottom).to.equal(`${height}px`);
      await press(banner, 'Reject additional cookies');
      button(banner, 'Hide this message').click();
      await banner.updateComplete;
      await frames();
      expect(getComputedStyle(document.documentElement).paddingBottom).to.equal('0px');
    });

    it('top: in the page flow, nothing reserved', async () => {
      run();
      const { banner, main } = await page(html`<consent-banner placement="top"></consent-banner>`);
      const bar = region(banner);
      expect(getComputedStyle(bar).position).to.equal('static');
      expect(main.getBoundingClientRect().top).to.be.at.least(bar.getBoundingClientRect().bottom);
      await frames();
      expect(getComputedStyle(document.documentElement).paddingBottom).to.equal('0px');
    });
  });

  describe('Global Privacy Control and the statistical exception', () => {
    it('says when the refusal in force came from the browser, and still asks', async () => {
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
      const controller = run();
      await controller.applyGlobalPrivacyControl();
      expect(controller.record?.method).to.equal('gpc');
      const { banner } = await page();
      expect(region(banner).textContent).to.include('Global Privacy Control');
      expect(button(banner, 'Accept additional cookies')).to.exist;
    });

    it('offers a one-click Turn off for a statistical-exception category, which keeps asking the rest', async () => {
      const controller = run({
        ...BASE,
        categories: {
          essential: { required: true },
          statistics: { basis: 'statistical-exception', title: 'site search statistics', services: ['site-search'] },
          analytics: { services: ['google-analytics'] },
        },
        services: { 'google-analytics': { preset: 'google-analytics' }, 'site-search': { preset: 'site-search' } },
      });
      expect(controller.allows('statistics')).to.equal(true);
      const { banner } = await page();
      expect(region(banner).textContent).to.include('site search statistics: on unless you turn it off. It does not identify you.');
      await press(banner, 'Turn off site search statistics');
      await nextFrame();
      expect(controller.allows('statistics')).to.equal(false);
      expect(controller.record?.categories).to.deep.equal({ statistics: false });
      const notice = banner.querySelector('.cg-notice')!;
      expect(notice.textContent!.trim()).to.equal("You've turned off site search statistics.");
      expect(document.activeElement).to.equal(notice);
      expect(button(banner, 'Turn off site search statistics')).to.equal(undefined);
      expect(button(banner, 'Accept additional cookies')).to.exist;
      await expect(banner).to.be.accessible();
    });
  });
});
