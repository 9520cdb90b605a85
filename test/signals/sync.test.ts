import { expect, oneEvent } from '@open-wc/testing';
import type { ConsentChangeEvent } from '../../src/consent/events.js';
import { startTabSync } from '../../src/consent/sync.js';
import { controllerFor, freshCookie, schoolCatalogue } from './helpers.js';

// Two controllers in one page stand for two tabs: each has its own BroadcastChannel object, and
// a channel delivers to every other object of the same name.
describe('cross-tab sync', () => {
  let cookie: string;
  const stops: (() => void)[] = [];
  beforeEach(() => (cookie = freshCookie()));
  afterEach(() => stops.splice(0).forEach((stop) => stop()));
  const tab = () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    stops.push(startTabSync(controller));
    return controller;
  };

  it('applies a choice made in one tab in the other, marked remote', async () => {
    const first = tab();
    const second = tab();
    const remote = new Promise<boolean>((resolve) => second.subscribe((change) => resolve(change.remote)));
    await first.acceptAll('banner');
    expect(await remote).to.equal(true);
    expect(second.allows('analytics')).to.equal(true);
    expect(second.record?.id).to.equal(first.record?.id);
  });

  it('applies a withdrawal and a reset the same way', async () => {
    const first = tab();
    const second = tab();
    await first.acceptAll('banner');
    await new Promise((resolve) => second.subscribe(resolve));
    let next = new Promise((resolve) => second.subscribe(resolve));
    await first.update({ analytics: false }, 'preferences');
    await next;
    expect(second.allows('analytics')).to.equal(false);
    next = new Promise((resolve) => second.subscribe(resolve));
    first.reset();
    await next;
    expect(second.record).to.equal(undefined);
  });

  it('re-reads the cookie when the tab becomes visible (the fallback without BroadcastChannel)', async () => {
    const Channel = window.BroadcastChannel;
    // @ts-expect-error: a browser without BroadcastChannel
    delete window.BroadcastChannel;
    let second;
    try {
      second = tab();
    } finally {
      window.BroadcastChannel = Channel;
    }
    await controllerFor(schoolCatalogue(cookie)).acceptAll('banner');
    expect(second.allows('analytics')).to.equal(false);
    setTimeout(() => document.dispatchEvent(new Event('visibilitychange')));
    const event = (await oneEvent(document, 'consent-change')) as ConsentChangeEvent;
    expect(event.remote).to.equal(true);
    expect(second.allows('analytics')).to.equal(true);
  });

  // The script tag's core opens the channel after the banner's frame (run.ts passes afterFrame).
  describe('with the channel opened later', () => {
    const laterTab = () => {
      let open = () => {};
      const controller = controllerFor(schoolCatalogue(cookie));
      stops.push(startTabSync(controller, (task) => (open = task)));
      return { controller, open: () => open() };
    };

    it('applies a choice another tab made before it listened, once it opens', async () => {
      const second = laterTab();
      const first = tab();
      await first.acceptAll('banner'); // broadcast while the second tab has no channel yet
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(second.controller.allows('analytics')).to.equal(false, 'not listening yet');
      const remote = new Promise<boolean>((resolve) => second.controller.subscribe((change) => resolve(change.remote)));
      second.open();
      expect(await remote).to.equal(true);
      expect(second.controller.allows('analytics')).to.equal(true);
    });

    it('stopped before it opened, never opens and never re-reads the cookie', async () => {
      const second = laterTab();
      stops.pop()!(); // the second tab's stop
      const first = tab();
      await first.acceptAll('banner');
      second.open();
      await first.update({ analytics: false }, 'preferences'); // broadcast again, to a channel never opened
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(second.controller.record).to.equal(undefined, 'no refresh after stop');
    });

    it('tells the other tabs of a choice made here before it opened', async () => {
      const first = laterTab();
      const second = tab();
      const remote = new Promise<boolean>((resolve) => second.subscribe((change) => resolve(change.remote)));
      await first.controller.acceptAll('banner');
      expect(await remote).to.equal(true);
      expect(second.allows('analytics')).to.equal(true);
    });
  });
});
