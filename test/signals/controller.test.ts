import { expect, oneEvent } from '@open-wc/testing';
import type { ConsentBeforeChangeEvent } from '../../src/consent/before-change-event.js';
import type { ConsentChangeEvent } from '../../src/consent/events.js';
import { controllerFor, freshCookie, schoolCatalogue, sendGlobalPrivacyControl } from './helpers.js';

describe('controller: the statistical exception', () => {
  let cookie: string;
  beforeEach(() => (cookie = freshCookie()));

  it('runs an exception category before any choice, and nothing else', () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    expect(controller.exceptionCategories).to.deep.equal(['statistics']);
    expect(controller.allows('statistics')).to.equal(true);
    expect(controller.allows('site-search')).to.equal(true);
    expect(controller.allows('analytics')).to.equal(false);
    expect(controller.allows('embeds')).to.equal(false);
    expect(controller.awaitingChoice).to.equal(true);
  });

  it('stores an objection made before the banner is answered, and still asks the question', async () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    expect(await controller.update({ statistics: false }, 'banner')).to.equal(true);
    const nextPage = controllerFor(schoolCatalogue(cookie));
    expect(nextPage.record?.categories).to.deep.equal({ statistics: false });
    expect(nextPage.allows('statistics')).to.equal(false);
    expect(nextPage.allows('analytics')).to.equal(false);
    expect(nextPage.awaitingChoice, 'consent categories are still unanswered').to.equal(true);
  });

  it('keeps an objection through Accept all; only turning it back on lifts it', async () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    await controller.update({ statistics: false }, 'banner');
    await controller.acceptAll('banner');
    expect(controller.allows('analytics')).to.equal(true);
    expect(controller.allows('statistics')).to.equal(false);
    expect(controller.awaitingChoice).to.equal(false);
    await controller.update({ statistics: true }, 'preferences');
    expect(controller.allows('statistics')).to.equal(true);
  });

  it('treats Reject as an objection too', async () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    await controller.rejectAll('banner');
    expect(controller.allows('statistics')).to.equal(false);
    expect(controller.record?.categories).to.deep.equal({ analytics: false, statistics: false, embeds: false });
  });

  it('keeps unanswered categories unanswered when one is updated', async () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    await controller.update({ youtube: true }, 'embed');
    expect(controller.record?.categories).to.deep.equal({});
    expect(controller.allows('youtube')).to.equal(true);
    expect(controller.awaitingChoice).to.equal(true);
  });
});

describe('controller: Global Privacy Control', () => {
  let cookie: string;
  let stopSignal: () => void;
  beforeEach(() => {
    cookie = freshCookie();
    stopSignal = sendGlobalPrivacyControl();
  });
  afterEach(() => stopSignal());

  it('refuses every category and objects to the exception when nothing is stored, with method gpc', async () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    expect(controller.gpc).to.equal(true);
    expect(controller.allows('statistics'), 'GPC is an objection even before it is recorded').to.equal(false);
    expect(await controller.applyGlobalPrivacyControl()).to.equal(true);
    expect(controller.record?.method).to.equal('gpc');
    expect(controller.record?.categories).to.deep.equal({ analytics: false, statistics: false, embeds: false });
    // Still asked (default "banner"), so the visitor can choose otherwise.
    expect(controller.awaitingChoice).to.equal(true);
    expect(controllerFor(schoolCatalogue(cookie)).record?.method, 'stored').to.equal('gpc');
  });

  it('does not ask in "silent" mode while the browser sends the signal', async () => {
    const controller = controllerFor(schoolCatalogue(cookie, { gpc: 'silent' }));
    await controller.applyGlobalPrivacyControl();
    expect(controller.awaitingChoice).to.equal(false);
    stopSignal();
    expect(controller.awaitingChoice, 'the signal is gone: ask').to.equal(true);
  });

  it('lets an explicit choice win, and leaves an explicit stored choice alone', async () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    await controller.applyGlobalPrivacyControl();
    await controller.acceptAll('banner');
    expect(controller.allows('analytics')).to.equal(true);
    expect(controller.allows('statistics'), 'the GPC objection stands until turned back on').to.equal(false);
    expect(controller.awaitingChoice).to.equal(false);
    const nextPage = controllerFor(schoolCatalogue(cookie));
    expect(await nextPage.applyGlobalPrivacyControl()).to.equal(false);
    expect(nextPage.record?.method).to.equal('banner');
    expect(nextPage.allows('analytics')).to.equal(true);
  });

  it('fills in only what the visitor left unanswered', async () => {
    stopSignal();
    const controller = controllerFor(schoolCatalogue(cookie));
    await controller.update({ statistics: true, youtube: true }, 'embed');
    stopSignal = sendGlobalPrivacyControl();
    await controller.applyGlobalPrivacyControl();
    expect(controller.record?.categories).to.deep.equal({ analytics: false, statistics: true, embeds: false });
    expect(controller.allows('youtube')).to.equal(true);
  });
});

describe('controller: consent-before-change and consent-change', () => {
  let cookie: string;
  beforeEach(() => (cookie = freshCookie()));

  it('lets a site veto a decision: nothing stored, nothing changes', async () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    const veto = (event: ConsentBeforeChangeEvent) => event.preventDefault();
    document.addEventListener('consent-before-change', veto);
    let changes = 0;
    const count = () => changes++;
    document.addEventListener('consent-change', count);
    try {
      expect(await controller.acceptAll('banner')).to.equal(false);
    } finally {
      document.removeEventListener('consent-before-change', veto);
      document.removeEventListener('consent-change', count);
    }
    expect(controller.record).to.equal(undefined);
    expect(controller.allows('analytics')).to.equal(false);
    expect(changes).to.equal(0);
  });

  it('tells the site what would change, and applies a deferred decision once the site agrees', async () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    let agree!: (answer: boolean) => void;
    const seen: ConsentBeforeChangeEvent[] = [];
    const defer = (event: ConsentBeforeChangeEvent) => {
      seen.push(event);
      event.defer(new Promise<boolean>((resolve) => (agree = resolve)));
    };
    document.addEventListener('consent-before-change', defer, { once: true });
    const decided = controller.update({ analytics: true }, 'preferences');
    expect(seen[0].method).to.equal('preferences');
    expect(seen[0].previous).to.equal(undefined);
    expect(seen[0].record.categories).to.deep.equal({ analytics: true });
    expect([...seen[0].changed].sort()).to.deep.equal(['analytics', 'google-analytics']);
    expect(controller.allows('analytics'), 'held').to.equal(false);
    const changed = oneEvent(document, 'consent-change') as Promise<ConsentChangeEvent>;
    agree(true);
    expect(await decided).to.equal(true);
    const event = await changed;
    expect(controller.allows('analytics')).to.equal(true);
    expect([event.method, event.remote]).to.deep.equal(['preferences', false]);
  });

  it('drops a deferred decision when the site answers false or fails', async () => {
    const controller = controllerFor(schoolCatalogue(cookie));
    for (const answer of [() => Promise.resolve(false), () => Promise.reject(new Error('no'))]) {
      document.addEventListener('consent-before-change', (e) => e.defer(answer()), { once: true });
      expect(await controller.acceptAll()).to.equal(false);
      expect(controller.record).to.equal(undefined);
    }
  });

  it('marks a decision read back from another tab as remote, and does not ask about it first', async () => {
    const here = controllerFor(schoolCatalogue(cookie));
    const there = controllerFor(schoolCatalogue(cookie));
    await there.rejectAll('banner');
    let asked = false;
    const ask = () => (asked = true);
    document.addEventListener('consent-before-change', ask);
    setTimeout(() => here.refresh());
    const event = (await oneEvent(document, 'consent-change')) as ConsentChangeEvent;
    document.removeEventListener('consent-before-change', ask);
    expect([event.method, event.remote]).to.deep.equal(['banner', true]);
    expect(event.changed).to.include('statistics');
    expect(here.allows('statistics')).to.equal(false);
    expect(asked).to.equal(false);
  });
});
