import { expect } from '@open-wc/testing';
import { decodeRecord, encodeRecord, type ConsentRecord } from '../../src/consent/record.js';

const DAY = 86_400_000;
const now = Date.parse('2026-11-25T10:00:00Z');
const context = { revision: 3, days: 365, categories: ['analytics', 'embeds'], now };
const record: ConsentRecord = {
  version: 1,
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  timestamp: '2026-11-20T09:30:00.000Z',
  revision: 3,
  method: 'banner',
  categories: { analytics: true, embeds: false },
  services: { youtube: true },
};

/** Re-encodes a record with one wire field replaced, as someone editing the cookie would. */
function edited(change: Record<string, unknown>): string {
  return JSON.stringify({ ...JSON.parse(encodeRecord(record)), ...change });
}

describe('consent record codec', () => {
  it('round-trips every field', () => {
    const result = decodeRecord(encodeRecord(record), context);
    expect(result).to.deep.equal({ ok: true, record });
  });

  it('reads the catalogue fingerprint back only from a record sealed for it, as it was stored', () => {
    const sealed = encodeRecord({ ...record, fingerprint: 'abc123' });
    const read = (raw: string, fingerprint: string) => {
      const result = decodeRecord(raw, { ...context, fingerprint });
      return result.ok ? result.record.fingerprint : 'rejected';
    };
    expect(read(sealed, 'abc123')).to.equal('abc123');
    expect(read(sealed, 'abc124'), 'another catalogue text').to.equal(undefined);
    // The same seal on an edited choice: a valid record, but not one this library stored so.
    const granted = JSON.stringify({ ...JSON.parse(sealed), c: { analytics: 1, embeds: 1 } });
    expect(read(granted, 'abc123')).to.equal(undefined);
  });

  it('keeps the cookie short', () => {
    expect(encodeRecord(record).length).to.be.below(160);
  });

  it('treats a missing cookie as no choice', () => {
    expect(decodeRecord(undefined, context)).to.deep.equal({ ok: false, reason: 'missing' });
    expect(decodeRecord('', context)).to.deep.equal({ ok: false, reason: 'missing' });
  });

  it('rejects malformed values', () => {
    for (const raw of ['{', 'yes', '[1,2]', 'null', '42']) {
      const result = decodeRecord(raw, context);
      expect(result.ok, raw).to.equal(false);
      if (!result.ok) expect(result.reason, raw).to.equal('malformed');
    }
  });

  const tamperings: [string, Record<string, unknown>][] = [
    ['a granted value that is not 0/1', { c: { analytics: 'yes', embeds: 0 } }],
    ['a true instead of 1', { c: { analytics: true, embeds: 0 } }],
    ['an id that is not a UUID', { id: 'me' }],
    ['an unknown method', { m: 'implied' }],
    ['a version from elsewhere', { v: 2 }],
    ['a time that is not a time', { ts: 'yesterday' }],
    ['a time in the future', { ts: new Date(now + 3 * DAY).toISOString() }],
    ['an extra field', { admin: 1 }],
    ['a hostile key', { c: { analytics: 1, embeds: 0, '<img src=x>': 1 } }],
    ['services that are not a map', { s: [1] }],
  ];
  for (const [what, change] of tamperings) {
    it(`rejects a record with ${what} as tampered`, () => {
      const result = decodeRecord(edited(change), context);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.reason).to.equal('tampered');
    });
  }

  // An objection to a statistical-exception category can be stored before the banner is answered;
  // the controller (not the codec) treats the categories left out as unanswered and asks about them.
  it('keeps a record that leaves a category unanswered, without inventing an answer', () => {
    const result = decodeRecord(edited({ c: { analytics: 0 } }), context);
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.record.categories).to.deep.equal({ analytics: false });
  });

  it('does not let __proto__ in the cookie reach Object.prototype', () => {
    const raw = '{"v":1,"id":"3b241101-e2bb-4255-8caf-4136c566a962","ts":"2026-11-20T09:30:00.000Z","rev":3,"m":"api","c":{"analytics":1,"embeds":1,"__proto__":1}}';
    decodeRecord(raw, context);
    expect(({} as Record<string, unknown>).analytics).to.equal(undefined);
  });

  it('re-asks when the catalogue revision changed', () => {
    const result = decodeRecord(encodeRecord(record), { ...context, revision: 4 });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.reason).to.equal('old-revision');
  });

  it('re-asks once the lifetime has passed, for a refusal as for an acceptance', () => {
    const refusal = { ...record, categories: { analytics: false, embeds: false } };
    for (const r of [record, refusal]) {
      const later = { ...context, now: Date.parse(r.timestamp) + 366 * DAY };
      const result = decodeRecord(encodeRecord(r), later);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.reason).to.equal('expired');
      const within = decodeRecord(encodeRecord(r), { ...context, now: Date.parse(r.timestamp) + 364 * DAY });
      expect(within.ok).to.equal(true);
    }
  });

  it('honours a configured lifetime', () => {
    const result = decodeRecord(encodeRecord(record), { ...context, days: 2 });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.reason).to.equal('expired');
  });
});
