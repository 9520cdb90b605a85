import { expect, oneEvent } from '@open-wc/testing';
import { parseCatalogue } from '../../src/catalogue/validate.js';
import { ConsentController } from '../../src/consent/controller.js';
import type { ConsentChangeEvent } from '../../src/consent/events.js';

const COOKIE = 'controller_test_prefs';

function configured(revision = 1): ConsentController {
  const result = parseCatalogue({
    site: 'Test School',
    revision,
    cookie: { name: COOKIE },
    categories: {
      essential: { required: true },
      analytics: { services: ['google-analytics'] },
      embeds: { services: ['youtube', 'facebook'] },
    },
    services: { 'google-analytics': { preset: 'google-analytics' }, youtube: { preset: 'youtube' }, facebook: { preset: 'facebook' } },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const controller = new ConsentController();
  controller.configure(result.catalogue);
  return controller;
}

const storedCookie = () =>
  document.cookie.split('; ').find((c) => c.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);

describe('the consent controller', () => {
  beforeEach(() => {
    document.cookie = `${COOKIE}=; max-age=0; path=/`;
  });

  it('allows nothing but essential before a choice', () => {
    const controller = configured();
    expect(controller.record).to.equal(undefined);
    expect(controller.allows('essential')).to.equal(true);
    for (const name of ['analytics', 'embeds', 'youtube', 'google-analytics']) expect(controller.allows(name), name).to.equal(false);
  });

  it('stores an acceptance in the consent cookie that a new page reads back', () => {
    configured().acceptAll('banner');
    expect(storedCookie()).to.be.a('string');
    const nextPage = configured();
    expect(nextPage.record?.method).to.equal('banner');
    expect(nextPage.allows('analytics')).to.equal(true);
    expect(nextPage.allows('facebook')).to.equal(true);
  });

  it('keeps a refusal as a stored choice too', () => {
    configured().rejectAll('banner');
    const nextPage = configured();
    expect(nextPage.record?.categories).to.deep.equal({ analytics: false, embeds: false });
    expect(nextPage.allows('analytics')).to.equal(false);
  });

  it('asks again after the catalogue revision changes', () => {
    configured(1).acceptAll();
    expect(configured(2).record).to.equal(undefined);
  });

  it('grants one service inside a refused category, and only that one', () => {
    const controller = configured();
    controller.rejectAll();
    controller.update({ youtube: true }, 'embed');
    expect(controller.allows('youtube')).to.equal(true);
    expect(controller.allows('facebook')).to.equal(false);
    expect(controller.allows('embeds')).to.equal(false);
    expect(configured().record?.services).to.deep.equal({ youtube: true });
  });

  it('drops per-service exceptions when their category is decided again', () => {
    const controller = configured();
    controller.update({ embeds: true, facebook: false });
    expect(controller.allows('youtube')).to.equal(true);
    expect(controller.allows('facebook')).to.equal(false);
    controller.update({ embeds: true });
    expect(controller.allows('facebook')).to.equal(true);
  });

  it('ignores unknown names in update() and grants nothing for them', () => {
    const controller = configured();
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      controller.update({ analytcs: true, essential: false });
    } finally {
      console.error = original;
    }
    expect(controller.allows('analytics')).to.equal(false);
    expect(controller.allows('essential')).to.equal(true);
    expect(errors.some((m) => m.includes('"analytcs"'))).to.equal(true);
  });

  it('keeps the consent id across decisions and stamps each with the time', () => {
    const controller = configured();
    controller.acceptAll();
    const first = controller.record!;
    controller.update({ analytics: false });
    expect(controller.record!.id).to.equal(first.id);
    expect(Date.parse(controller.record!.timestamp)).to.be.at.least(Date.parse(first.timestamp));
  });

  it('fires consent-change on document with the record, what changed and how', async () => {
    const controller = configured();
    setTimeout(() => controller.update({ analytics: true }, 'preferences'));
    const event = (await oneEvent(document, 'consent-change')) as ConsentChangeEvent;
    expect(event.record?.categories.analytics).to.equal(true);
    expect(event.changed).to.include('analytics');
    expect(event.changed).to.include('google-analytics');
    expect(event.changed).to.not.include('embeds');
    expect(event.method).to.equal('preferences');
  });

  it('resolves whenGranted once the category is granted', async () => {
    const controller = configured();
    let granted = false;
    const waiting = controller.whenGranted('embeds').then(() => (granted = true));
    controller.update({ analytics: true });
    await Promise.resolve();
    expect(granted).to.equal(false);
    controller.update({ embeds: true });
    await waiting;
    expect(granted).to.equal(true);
  });

  it('forgets the choice on reset()', () => {
    const controller = configured();
    controller.acceptAll();
    controller.reset();
    expect(controller.record).to.equal(undefined);
    expect(storedCookie()).to.equal(undefined);
    expect(configured().record).to.equal(undefined);
  });
});
