import { expect } from '@open-wc/testing';
import { startConsentMode } from '../../src/gate/consent-mode.js';
import { controllerFor, freshCookie, isArguments, schoolCatalogue } from './helpers.js';

type Globals = Window & { dataLayer: unknown[] } & Record<string, unknown>;
const w = window as unknown as Globals;

/** gtag commands as plain arrays (for comparing), GTM events as their objects. */
const entries = () =>
  w.dataLayer.map((entry) => (isArguments(entry) ? Array.from(entry as ArrayLike<unknown>) : entry));
const commands = (name: string, kind?: string) =>
  entries().filter((e) => Array.isArray(e) && e[0] === name && (!kind || e[1] === kind)) as unknown[][];

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
};

describe('Consent Mode bridge', () => {
  let cookie: string;
  const stops: (() => void)[] = [];
  beforeEach(() => {
    cookie = freshCookie();
    w.dataLayer = [];
  });
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    delete w['ga-disable-G-TEST1'];
  });
  const start = (extra: Record<string, unknown> = {}) => {
    const controller = controllerFor(schoolCatalogue(cookie, extra));
    stops.push(startConsentMode(controller));
    return controller;
  };

  it('pushes the default, all seven types, as an arguments object, and nothing else on a first visit', () => {
    // The statistics exception maps to no Consent Mode type here, so nothing is granted.
    start();
    expect(w.dataLayer).to.have.length(1);
    expect(isArguments(w.dataLayer[0])).to.equal(true);
    expect(entries()[0]).to.deep.equal([
      'consent',
      'default',
      { ...DENIED, security_storage: 'granted', wait_for_update: 500 },
    ]);
  });

  it('pushes one update per decision, mapped from the categories, then a consent_update event', async () => {
    const controller = start();
    await controller.update({ analytics: true }, 'preferences');
    expect(commands('consent', 'update')).to.deep.equal([
      ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }],
    ]);
    expect(entries()[2]).to.deep.equal({
      event: 'consent_update',
      consent_method: 'preferences',
      consent_categories: { analytics: true, statistics: true, embeds: false },
      consent_granted: 'analytics,statistics',
    });
    await controller.rejectAll('banner');
    expect(commands('consent', 'update')).to.have.length(2);
    expect(commands('consent', 'update')[1][2]).to.deep.equal(DENIED);
    expect(w.dataLayer.filter((e) => !isArguments(e)).every((e) => (e as { event?: string }).event === 'consent_update')).to.equal(true);
  });

  it('for a returning visitor, pushes the update straight after the default', async () => {
    await controllerFor(schoolCatalogue(cookie)).acceptAll('banner');
    w.dataLayer = [];
    start();
    const list = entries();
    expect(list[0]).to.deep.include.members(['consent', 'default']);
    expect(list[1]).to.deep.equal(['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]);
    expect((list[2] as { consent_method: string }).consent_method).to.equal('stored');
    expect(list).to.have.length(3);
  });

  it('grants a type only when every category mapped to it is allowed', async () => {
    const controller = start({
      consentMode: { categories: { analytics: ['analytics_storage'], embeds: ['analytics_storage', 'personalization_storage'] } },
    });
    await controller.update({ analytics: true });
    expect(commands('consent', 'update')[0][2]).to.deep.equal(DENIED);
    await controller.update({ embeds: true });
    expect(commands('consent', 'update')[1][2]).to.deep.equal({
      ...DENIED,
      analytics_storage: 'granted',
      personalization_storage: 'granted',
    });
  });

  it('sets ads_data_redaction and url_passthrough, and wait_for_update, when asked', () => {
    start({ consentMode: { adsDataRedaction: true, urlPassthrough: true, waitForUpdate: 2000 } });
    expect((entries()[0] as unknown[])[2]).to.include({ wait_for_update: 2000 });
    expect(entries().slice(1)).to.deep.equal([
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
    ]);
  });

  it('pushes nothing when the catalogue turns Consent Mode off', async () => {
    const controller = start({ consentMode: false });
    await controller.acceptAll();
    expect(w.dataLayer).to.deep.equal([]);
  });

  it('sets ga-disable-<ID> on withdrawal and clears it on a new grant', async () => {
    const controller = start();
    await controller.acceptAll();
    expect(w['ga-disable-G-TEST1']).to.equal(undefined);
    await controller.update({ analytics: false });
    expect(w['ga-disable-G-TEST1']).to.equal(true);
    await controller.update({ analytics: true });
    expect(w['ga-disable-G-TEST1']).to.equal(false);
  });

  it('grants the exception category’s types before a choice, and withdraws them on objection', async () => {
    const ack = 'Google signals, data sharing and ads links are off: statistics only.';
    const controller = start({
      categories: {
        essential: { required: true },
        statistics: { basis: 'statistical-exception', services: ['google-analytics'] },
      },
      services: { 'google-analytics': { preset: 'google-analytics', measurementId: 'G-TEST1', statisticalExceptionAcknowledgement: ack } },
    });
    expect(entries()[1]).to.deep.equal(['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]);
    expect((entries()[2] as { consent_method: string }).consent_method).to.equal('default');
    await controller.update({ statistics: false }, 'banner');
    expect(commands('consent', 'update')[1][2]).to.deep.equal(DENIED);
    expect(w['ga-disable-G-TEST1']).to.equal(true);
  });
});
