import { expect } from '@open-wc/testing';
import { startReceipts } from '../../src/consent/receipts.js';
import { controllerFor, freshCookie, schoolCatalogue } from './helpers.js';

type Sent = { url: string; body: string; type: string };

/** Replaces navigator.sendBeacon with a recorder (or a failure) until restored. */
function recordBeacons(behaviour: 'queue' | 'refuse' | 'throw' = 'queue') {
  const sent: Sent[] = [];
  const original = navigator.sendBeacon;
  const pending: Promise<void>[] = [];
  navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
    if (behaviour === 'throw') throw new TypeError('beacons are off');
    const blob = data as Blob;
    pending.push(blob.text().then((body) => void sent.push({ url: String(url), body, type: blob.type })));
    return behaviour === 'queue';
  };
  return { sent, settled: () => Promise.all(pending), restore: () => (navigator.sendBeacon = original) };
}

describe('consent receipts', () => {
  let cookie: string;
  let beacons: ReturnType<typeof recordBeacons>;
  let stop: () => void = () => {};
  beforeEach(() => (cookie = freshCookie()));
  afterEach(() => {
    stop();
    beacons?.restore();
  });

  it('sends each decision to the catalogue URL with the documented fields and nothing else', async () => {
    beacons = recordBeacons();
    const controller = controllerFor(schoolCatalogue(cookie, { receipts: { url: '/consent-receipts' } }));
    stop = startReceipts(controller);
    history.replaceState(null, '', `${location.pathname}?q=secret+search#frag`);
    await controller.update({ analytics: true, youtube: false }, 'preferences');
    await controller.rejectAll('banner');
    await beacons.settled();
    expect(beacons.sent).to.have.length(2);
    expect(beacons.sent[0].url).to.equal('/consent-receipts');
    expect(beacons.sent[0].type).to.equal('application/json');
    const body = JSON.parse(beacons.sent[0].body);
    expect(Object.keys(body).sort()).to.deep.equal(['choices', 'id', 'method', 'path', 'revision', 'timestamp']);
    expect(body).to.deep.equal({
      id: controller.record!.id,
      timestamp: body.timestamp,
      revision: 1,
      method: 'preferences',
      choices: { categories: { analytics: true }, services: { youtube: false } },
      path: location.pathname,
    });
    expect(new Date(body.timestamp).toISOString()).to.equal(body.timestamp);
    expect(beacons.sent[0].body, 'no query string').to.not.include('secret');
    expect(JSON.parse(beacons.sent[1].body).method).to.equal('banner');
  });

  it('keeps the choice when the beacon fails, and falls back to a keepalive fetch when refused', async () => {
    for (const behaviour of ['throw', 'refuse'] as const) {
      beacons?.restore();
      beacons = recordBeacons(behaviour);
      const controller = controllerFor(schoolCatalogue(freshCookie(), { receipts: { url: '/no-such-receiver' } }));
      stop();
      stop = startReceipts(controller);
      expect(await controller.acceptAll('banner'), behaviour).to.equal(true);
      expect(controller.allows('analytics')).to.equal(true);
    }
  });

  it('sends nothing without receipts in the catalogue, and nothing for decisions from another tab', async () => {
    beacons = recordBeacons();
    const quiet = controllerFor(schoolCatalogue(cookie));
    stop = startReceipts(quiet);
    await quiet.acceptAll();
    const withReceipts = controllerFor(schoolCatalogue(cookie, { receipts: { url: '/r' } }));
    const stopOther = startReceipts(withReceipts);
    await controllerFor(schoolCatalogue(cookie)).rejectAll(); // "another tab"
    withReceipts.refresh();
    expect(withReceipts.allows('analytics')).to.equal(false);
    stopOther();
    await beacons.settled();
    expect(beacons.sent).to.deep.equal([]);
  });
});
