import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { parseCatalogue } from '../../src/catalogue/validate.js';
import { ConsentController } from '../../src/consent/controller.js';
import { startGate } from '../../src/gate/gate.js';

declare global {
  interface Window {
    __ran?: string[];
  }
}

const COOKIE = 'gate_test_prefs';

function controllerFor(): ConsentController {
  const result = parseCatalogue({
    site: 'Test School',
    revision: 1,
    cookie: { name: COOKIE },
    categories: {
      essential: { required: true },
      analytics: { services: ['google-analytics'] },
      embeds: { services: ['youtube'] },
    },
    services: {
      'google-analytics': { preset: 'google-analytics' },
      youtube: { preset: 'youtube' },
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const controller = new ConsentController();
  controller.configure(result.catalogue);
  return controller;
}

function captureErrors(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.error = original) };
}

// The gate observes the whole document for its lifetime, as it does on a page; each test uses
// a fresh controller and removes its cookie.
describe('the gate', () => {
  let stops: (() => void)[] = [];
  const start = (controller: ConsentController, options?: Parameters<typeof startGate>[1]) =>
    stops.push(startGate(controller, options));
  afterEach(() => {
    stops.forEach((stop) => stop());
    stops = [];
  });
  beforeEach(() => {
    window.__ran = [];
    document.cookie = `${COOKIE}=; max-age=0; path=/`;
  });

  it('keeps gated scripts and iframes inert until their category is granted, then runs only that category', async () => {
    const root = await fixture(html`<div>
      <script type="text/plain" data-consent="analytics">window.__ran.push('analytics')</script>
      <script type="text/plain" data-consent="embeds">window.__ran.push('embeds')</script>
      <iframe data-consent="embeds" data-src="about:blank#embed" title="embed"></iframe>
    </div>`);
    const controller = controllerFor();
    start(controller);
    await nextFrame();
    expect(window.__ran).to.deep.equal([]);
    expect(root.querySelector('iframe')!.hasAttribute('src')).to.equal(false);

    controller.update({ analytics: true });
    expect(window.__ran).to.deep.equal(['analytics']);
    expect(root.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
    expect(root.querySelector('script[data-consent="embeds"]')!.getAttribute('type')).to.equal('text/plain');
  });

  it('activates scripts and iframes added to the page later', async () => {
    const controller = controllerFor();
    start(controller);
    controller.acceptAll();
    const root = await fixture(html`<div></div>`);
    const late = document.createElement('script');
    late.type = 'text/plain';
    late.dataset.consent = 'analytics';
    late.text = "window.__ran.push('late')";
    const frame = document.createElement('iframe');
    frame.dataset.consent = 'embeds';
    frame.dataset.src = 'about:blank#late';
    frame.title = 'late embed';
    const wrapper = document.createElement('section');
    wrapper.append(frame);
    root.append(late, wrapper);
    await waitUntil(() => window.__ran!.includes('late'), 'late script ran');
    await waitUntil(() => frame.getAttribute('src') === 'about:blank#late', 'late iframe loaded');
  });

  it('never runs an element naming an unknown category, and says so on the console', async () => {
    const errors = captureErrors();
    try {
      const root = await fixture(html`<div>
        <script type="text/plain" data-consent="analytcs">window.__ran.push('typo')</script>
      </div>`);
      const controller = controllerFor();
      start(controller);
      controller.acceptAll();
      await nextFrame();
      expect(window.__ran).to.deep.equal([]);
      expect(root.querySelector('script')!.getAttribute('type')).to.equal('text/plain');
      expect(errors.messages.some((m) => m.includes('"analytcs"'))).to.equal(true);
    } finally {
      errors.restore();
    }
  });

  it('unloads a gated iframe when its category is withdrawn', async () => {
    const root = await fixture(html`<div>
      <iframe data-consent="embeds" data-src="about:blank#withdraw" title="embed"></iframe>
    </div>`);
    const controller = controllerFor();
    start(controller, { reloadOnWithdrawal: false });
    controller.acceptAll();
    const frame = root.querySelector('iframe')!;
    expect(frame.getAttribute('src')).to.equal('about:blank#withdraw');
    controller.update({ embeds: false });
    expect(frame.getAttribute('src')).to.equal('about:blank');
  });

  it('deletes the cookies of a withdrawn category and keeps the others', async () => {
    const controller = controllerFor();
    start(controller, { reloadOnWithdrawal: false });
    controller.acceptAll();
    document.cookie = '_ga=GA1.1.1.1; path=/';
    document.cookie = '_ga_ABC123=GS1.1; path=/';
    document.cookie = '_utmz=legacy; path=/';
    document.cookie = 'VISITOR_INFO1_LIVE=yt; path=/';
    document.cookie = 'unrelated=keep; path=/';
    controller.update({ analytics: false });
    const names = document.cookie.split('; ').map((c) => c.split('=')[0]);
    expect(names).to.not.include.members(['_ga', '_ga_ABC123', '_utmz']);
    expect(names).to.include.members(['VISITOR_INFO1_LIVE', 'unrelated', COOKIE]);
    document.cookie = 'VISITOR_INFO1_LIVE=; max-age=0; path=/';
    document.cookie = 'unrelated=; max-age=0; path=/';
  });
});
