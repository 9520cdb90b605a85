/**
 * The consent record: what the visitor chose, when, how, against which catalogue revision.
 * Encoded compactly into the consent cookie by `encodeRecord`, read back (and distrusted) by
 * `decodeRecord`. Nothing here touches the DOM or cookies: see `store.ts` for that.
 */

/** How a choice was made (COMPLIANCE R27). */
export type ConsentMethod = 'banner' | 'preferences' | 'embed' | 'api' | 'gpc';

export interface ConsentRecord {
  /** Format version of the record. */
  readonly version: 1;
  /** Random consent id (`crypto.randomUUID`), kept across updates so a receipt log can join them. */
  readonly id: string;
  /** ISO 8601 time of the decision. */
  readonly timestamp: string;
  /** The catalogue `revision` the visitor answered. */
  readonly revision: number;
  readonly method: ConsentMethod;
  /**
   * The non-essential categories answered: true = granted (for a statistical-exception category:
   * not objected to). A category absent here is unanswered: a consent category stays off and the
   * banner still asks; an exception category runs until objected to.
   */
  readonly categories: Readonly<Record<string, boolean>>;
  /** Per-service exceptions inside a category (a parent may allow YouTube but not Facebook). */
  readonly services: Readonly<Record<string, boolean>>;
  /**
   * `catalogueFingerprint` of the catalogue text this browser validated when the choice was
   * stored (script tag only). While the page's catalogue has the same fingerprint, the script tag
   * skips validation (see `src/script-tag.ts`). Stored as a seal (`recordSeal`); read back only
   * when it seals this very record for the page's fingerprint, else left out.
   */
  readonly fingerprint?: string;
}

/** Why a stored record was not used; logged once, never thrown. */
export type RecordRejection = 'missing' | 'malformed' | 'tampered' | 'expired' | 'old-revision';

export type DecodeResult =
  | { ok: true; record: ConsentRecord }
  | { ok: false; reason: RecordRejection; detail?: string };

const METHODS: readonly ConsentMethod[] = ['banner', 'preferences', 'embed', 'api', 'gpc'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const DAY_MS = 86_400_000;
/** Clocks drift; a record "from the future" by more than this was edited. */
const FUTURE_TOLERANCE_MS = DAY_MS;

/** Whether a choice made at `time` (ms) may still be used: within `days`, and not from the future. */
const inLifetime = (time: number, days: number, now = Date.now()): boolean =>
  time <= now + FUTURE_TOLERANCE_MS && now - time <= days * DAY_MS;

/** The record a (checked) wire form stands for. */
const recordFrom = (
  wire: Wire,
  categories: Record<string, boolean>,
  services: Record<string, boolean>,
  fingerprint?: string,
): ConsentRecord => ({
  version: 1,
  id: wire.id,
  timestamp: wire.ts,
  revision: wire.rev,
  method: wire.m,
  categories,
  services,
  ...(fingerprint ? { fingerprint } : {}),
});

/** Compact wire form kept short: the cookie rides on every request to the site. */
export interface Wire {
  v: 1;
  id: string;
  ts: string;
  rev: number;
  m: ConsentMethod;
  c: Record<string, 0 | 1>;
  s?: Record<string, 0 | 1>;
  f?: string;
}

const FINGERPRINT = /^[0-9a-z]{1,16}$/;

/** 32-bit FNV-1a of `input`, base 36. */
function fnv(input: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) hash = Math.imul(hash ^ input.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * A short hash of a catalogue's text and the library version: equal fingerprints mean this exact
 * text passed this version's validator before. Not a security measure: a visitor who edits it
 * only skips checks of the site's own catalogue in their browser.
 */
export const catalogueFingerprint = (text: string, version: string): string => fnv(version + '\n' + text);

/**
 * What the consent cookie stores as `f`: a hash of the catalogue fingerprint and of the record's
 * other fields exactly as stored (`wire`: its JSON without `f`). `decodeRecord` reads the
 * fingerprint back only from a record sealed for the page's catalogue text, so the script tag's core
 * expands that text without validating it again; a record edited since reads back without one.
 */
export const recordSeal = (fingerprint: string, wire: string): string => fnv(fingerprint + '\n' + wire);

/** Whether a stored wire form carries the seal of itself for `fingerprint` (see `recordSeal`). */
const isSealed = (wire: Partial<Wire>, fingerprint: string): boolean =>
  wire.f === recordSeal(fingerprint, JSON.stringify({ ...wire, f: undefined }));

const toBits = (choices: Readonly<Record<string, boolean>>) => {
  const bits: Record<string, 0 | 1> = {};
  for (const key of Object.keys(choices)) bits[key] = choices[key] ? 1 : 0;
  return bits;
};

export function encodeRecord(record: ConsentRecord): string {
  const wire: Wire = {
    v: 1,
    id: record.id,
    ts: record.timestamp,
    rev: record.revision,
    m: record.method,
    c: toBits(record.categories),
  };
  if (Object.keys(record.services).length) wire.s = toBits(record.services);
  if (record.fingerprint) wire.f = recordSeal(record.fingerprint, JSON.stringify(wire));
  return JSON.stringify(wire);
}

function decodeChoices(value: unknown): Record<string, boolean> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const choices: Record<string, boolean> = {};
  for (const [key, bit] of Object.entries(value)) {
    if (!KEY.test(key) || (bit !== 0 && bit !== 1)) return undefined;
    choices[key] = bit === 1;
  }
  return choices;
}

export interface DecodeContext {
  revision: number;
  /** Lifetime of a choice in days. */
  days: number;
  /** The page's `catalogueFingerprint`: a record sealed for it reads back with it. */
  fingerprint?: string;
  now?: number;
}

/**
 * Reads a stored value back into a record, trusting nothing: any shape, key or value other than
 * what `encodeRecord` writes is "tampered"; a record answering another revision or older than the
 * lifetime is not used either. The caller treats every failure as "no choice yet".
 */
export function decodeRecord(raw: string | undefined, context: DecodeContext): DecodeResult {
  if (raw === undefined || raw === '') return { ok: false, reason: 'missing' };
  let wire: Partial<Wire>;
  try {
    wire = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'malformed', detail: 'not JSON' };
  }
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) {
    return { ok: false, reason: 'malformed', detail: 'not an object' };
  }
  const tampered = (detail: string): DecodeResult => ({ ok: false, reason: 'tampered', detail });
  if (wire.v !== 1) return tampered(`unknown version ${JSON.stringify(wire.v)}`);
  if (typeof wire.id !== 'string' || !UUID.test(wire.id)) return tampered('id is not a UUID');
  if (typeof wire.rev !== 'number' || !Number.isInteger(wire.rev)) return tampered('rev is not an integer');
  if (typeof wire.m !== 'string' || !METHODS.includes(wire.m)) return tampered('unknown method');
  const time = typeof wire.ts === 'string' ? Date.parse(wire.ts) : NaN;
  if (Number.isNaN(time)) return tampered('ts is not an ISO time');
  const categories = decodeChoices(wire.c);
  if (!categories) return tampered('c is not a map of 0/1');
  const services = wire.s === undefined ? {} : decodeChoices(wire.s);
  if (!services) return tampered('s is not a map of 0/1');
  if (wire.f !== undefined && (typeof wire.f !== 'string' || !FINGERPRINT.test(wire.f))) return tampered('f is not a fingerprint');
  const known = Object.keys(wire).filter((k) => !['v', 'id', 'ts', 'rev', 'm', 'c', 's', 'f'].includes(k));
  if (known.length) return tampered(`unexpected field ${known[0]}`);

  const now = context.now ?? Date.now();
  if (time > now + FUTURE_TOLERANCE_MS) return tampered('ts is in the future');
  if (wire.rev !== context.revision) {
    return { ok: false, reason: 'old-revision', detail: `answered revision ${wire.rev}, catalogue is ${context.revision}` };
  }
  // Not from the future (checked above), so out of its lifetime means expired.
  if (!inLifetime(time, context.days, now)) return { ok: false, reason: 'expired', detail: `made ${wire.ts}` };
  // A record may leave categories unanswered (an objection to site statistics made before the
  // banner was answered): those grant nothing, and the controller asks about them.

  const sealed = wire.f && context.fingerprint && isSealed(wire, context.fingerprint);
  return { ok: true, record: recordFrom(wire as Wire, categories, services, sealed ? context.fingerprint : undefined) };
}
