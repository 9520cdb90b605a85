import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { enGB } from './english.js';
import type { ConsentBanner } from '../../src/ui/consent-banner/consent-banner.js';
import '../../src/ui/consent-banner/define.js';
import type { ConsentPreferences } from '../../src/ui/consent-preferences/consent-preferences.js';
import '../../src/ui/consent-preferences/define.js';
import { button, run, stop } from './running.js';

async function cookiesPage(template = html`<consent-preferences></consent-preferences>`) {
  const root = await fixture<HTMLElement>(html`<main><h1>Cookies</h1>${template}</main>`);
  const el = root.querySelector('consent-preferences') as ConsentPreferences;
  await el.updateComplete;
  return el;
}

const radio = (el: Element, name: string, value: 'yes' | 'no') =>
  el.querySelector(`input[name="${name}"][value="${value}"]`) as HTMLInputElement;

async function save(el: ConsentPreferences) {
  const changed = oneEvent(document, 'consent-change');
  button(el, 'Save cookie settings')!.click();
  await changed;
  await el.updateComplete;
  await nextFrame();
}

describe('<consent-preferences>', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en-GB';
  });
  afterEach(() => {
    stop();
    // The tests' own referrers shadow the document's.
    delete (document as { referrer?: string }).referrer;
  });

  it('asks per category under headings (No on the first visit), essential cookies as text, then Save', async () => {
    run();
    const el = await cookiesPage();
    expect([...el.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal([
      'Essential cookies',
      'Cookies that measure website use',
      'Cookies from videos and social media posts',
      'Polls',
    ]);
    expect(el.querySelector('input[name="cg-essential"]')).to.equal(null);
    expect(el.textContent).to.include('Always on');
    for (const c of ['analytics', 'embeds', 'polls']) expect(radio(el, `cg-${c}`, 'no').checked, c).to.equal(true);
    expect(button(el, 'Save cookie settings')!.type).to.equal('submit');
    expect(el.querySelector('[role="alert"]')).to.equal(null, 'no notification before Save');
    await expect(el).to.be.accessible();
  });

  it('heading-level="3" for a page that puts it under an <h2>', async () => {
    run();
    const el = await cookiesPage(html`<h2>Change your settings</h2><consent-preferences heading-level="3"></consent-preferences>`);
    expect(el.querySelectorAll('h2')).to.have.length(0);
    expect(el.querySelectorAll('h3')).to.have.length(4);
    expect(el.querySelector('details h4')).to.exist;
  });

  it('Save stores the radios (method "preferences"); a notification takes focus, with a link back to where the visitor was', async () => {
    const controller = run();
    Object.defineProperty(document, 'referrer', { value: `${location.origin}/our-school`, configurable: true });
    const el = await cookiesPage();
    radio(el, 'cg-analytics', 'yes').click();
    expect(controller.record).to.equal(undefined, 'a radio records nothing: only Save does');
    await save(el);
    expect(controller.record?.method).to.equal('preferences');
    expect(controller.record?.categories).to.deep.equal({ analytics: true, embeds: false, polls: false });
    const note = el.querySelector('.cg-notification') as HTMLElement;
    expect(note.getAttribute('role')).to.equal('alert');
    expect(document.activeElement).to.equal(note);
    expect(note.textContent).to.include("You've set your cookie preferences.");
    const back = note.querySelector('a')!;
    expect([back.textContent, back.href]).to.deep.equal(['Go back to the page you were looking at', `${location.origin}/our-school`]);
    // By keyboard from the notification: Tab reaches the link back.
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(back);
    await expect(el).to.be.accessible();
  });

  it('offers no link back to another site, or to itself', async () => {
    run();
    for (const from of ['https://elsewhere.example/page', location.href]) {
      Object.defineProperty(document, 'referrer', { value: from, configurable: true });
      const el = await cookiesPage();
      await save(el);
      expect(el.querySelector('.cg-notification a'), from).to.equal(null);
    }
  });

  it('shows the stored choice, and a choice made elsewhere as it happens', async () => {
    const controller = run();
    await controller.update({ analytics: true, embeds: false, polls: true }, 'banner');
    const el = await cookiesPage();
    expect(radio(el, 'cg-analytics', 'yes').checked).to.equal(true);
    expect(radio(el, 'cg-embeds', 'no').checked).to.equal(true);
    expect(radio(el, 'cg-polls', 'yes').checked).to.equal(true);
    await controller.rejectAll('api');
    await el.updateComplete;
    expect(radio(el, 'cg-analytics', 'no').checked).to.equal(true);
  });

  it('a page vetoing the decision (consent-before-change) gets no notification', async () => {
    const controller = run();
    const el = await cookiesPage();
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('consent-before-change', veto);
    try {
      button(el, 'Save cookie settings')!.click();
      await nextFrame();
      await el.updateComplete;
      expect(controller.record).to.equal(undefined);
      expect(el.querySelector('.cg-notification')).to.equal(null);
    } finally {
      document.removeEventListener('consent-before-change', veto);
    }
  });

  it('speaks Welsh on a Welsh page, with no English string', async () => {
    run();
    const el = await cookiesPage(html`<div lang="cy"><consent-preferences></consent-preferences></div>`);
    for (const details of el.querySelectorAll('details')) details.open = true;
    const text = el.innerText;
    expect(text).to.include('Ydych chi eisiau derbyn cwcis dadansoddol?');
    expect(text).to.include('Cadw gosodiadau cwcis');
    expect(text).to.include('Ydych chi eisiau derbyn cwcis gan YouTube?');
    const english = Object.values(enGB)
      .flatMap((s) => s.split(/\{\w+\}/))
      .map((s) => s.trim())
      .filter((s) => s.length > 3);
    for (const s of english) expect(text, s).not.to.include(s);
    await expect(el).to.be.accessible();
  });

  it('keeps the banner from asking on its page', async () => {
    run();
    const root = await fixture<HTMLElement>(html`<div><consent-banner></consent-banner><main><consent-preferences></consent-preferences></main></div>`);
    const banner = root.querySelector('consent-banner') as ConsentBanner;
    await banner.updateComplete;
    expect(banner.querySelector('[role="region"]')).to.equal(null);
  });
});
