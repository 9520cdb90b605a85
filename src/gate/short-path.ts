/**
 * The short path's memo: what `consent-gate.min.js` needs to run a returning visitor's page by
 * itself, worked out by the core (`src/script-tag-core.ts`) from the validated catalogue and the
 * choice in force, and kept in `localStorage` under `consent-gate`. So the every-view file reads
 * neither the catalogue's categories nor the cookie's fields: it compares.
 *
 * The consent cookie stays the one record of the choice: the memo is used only while that cookie
 * still reads exactly as it did when the memo was written, the page's catalogue text has the
 * fingerprint it was written for, and the choice is in its lifetime. Anything else (a first visit,
 * a change in another tab or subdomain, a cookie edited or deleted, a changed catalogue) takes the
 * core's path, which writes the memo anew or removes it. Like the cookie, it is strictly necessary
 * storage: it holds the visitor's own choice, in the form the gate applies it, and nothing else.
 */
import { SHORT_PATH_KEY } from '../bundle-keys.js';
import { cookiePattern, firstPartyCookies } from '../catalogue/match.js';
import type { CookieDeclaration } from '../catalogue/types.js';
import type { ConsentState } from '../consent/controller.js';
import { encodeRecord, type ConsentRecord } from '../consent/record.js';
import { cookiePair, readCookie, recordExpiry } from '../consent/store.js';
import { consentModeUpdate, type DataLayerEntry } from './consent-mode.js';

export interface ShortPath {
  /** The `catalogueFingerprint` of the catalogue text in force (validated by this version). */
  f: string;
  /** The consent cookie's `name=value` pair as `document.cookie` lists it (see `cookiePair`). */
  pair: string;
  /** The consent cookie's name (tabs tell each other of a change on a channel named after it). */
  name: string;
  /** What `document.cookie` is set to to delete the consent cookie (`reset()`). */
  expiry: string;
  /** When the choice leaves its lifetime (ms since 1970). */
  until: number;
  record: ConsentRecord;
  /** Every category and service name of the catalogue: whether it is allowed. */
  allowed: Record<string, boolean>;
  exceptions: string[];
  /** Consent Mode's update for the stored choice, when the catalogue has Consent Mode on. */
  consentMode?: DataLayerEntry[];
  /**
   * Matches the (decoded) names of refused first-party cookies, as the sweep does, but the consent
   * cookie's: absent when nothing first-party is refused.
   */
  sweep?: string;
}

/** Whether the consent cookie still reads as when `memo` was written (its first pair of that name is `memo.pair`). */
export const unchanged = ({ pair }: ShortPath): boolean =>
  document.cookie.split('; ').find((p) => p.startsWith(pair.slice(0, pair.indexOf('=') + 1))) === pair;

/**
 * The memo for a page whose catalogue text has `fingerprint`, if it holds there; else undefined.
 * May throw (storage blocked). With no cookie at all (a first visit) storage is not read: its first
 * read in a page view is slow, and no memo could hold.
 */
export function readShortPath(fingerprint: string): ShortPath | undefined {
  const memo = document.cookie ? (JSON.parse(localStorage.getItem(SHORT_PATH_KEY)!) as ShortPath | null) : null;
  return memo?.f == fingerprint && memo.until > Date.now() && unchanged(memo) ? memo : undefined;
}

/**
 * Writes the memo for `state`'s choice in force, or removes it when the gate must not run the next
 * view by itself: no choice, or a cookie that is not this very record (not stored, or another
 * cookie of the name read first), one sealed for another catalogue text, a category unanswered, or a
 * refusal from Global Privacy Control. Storage that is blocked only means every
 * view takes the core's path.
 */
export function rememberShortPath(state: ConsentState): void {
  const { catalogue, record, fingerprint } = state;
  try {
    const pair = catalogue && cookiePair(catalogue.cookie.name);
    // The pair must be the cookie that stores this very record (a write the browser dropped, or an
    // older cookie of the same name listed first, would tie the memo to another choice).
    const stored = pair && record && readCookie(catalogue!.cookie.name) === encodeRecord(record);
    if (!stored || !fingerprint || record.fingerprint !== fingerprint || record.method == 'gpc' || state.awaitingChoice) {
      localStorage.removeItem(SHORT_PATH_KEY);
      return;
    }
    const { cookie, categories, consentMode, services } = catalogue!;
    const allows = (name: string) => state.allows(name);
    const names = categories.flatMap((c) => [c.name, ...c.services.map((s) => s.name)]);
    const memo: ShortPath = {
      f: fingerprint,
      pair,
      name: cookie.name,
      expiry: recordExpiry(catalogue!),
      until: Date.parse(record.timestamp) + cookie.days * 86_400_000,
      record,
      allowed: Object.fromEntries(names.map((name) => [name, allows(name)])),
      exceptions: state.exceptionCategories,
      ...(consentMode ? { consentMode: consentModeUpdate(consentMode, allows, state.optionalCategories, 'stored') } : {}),
    };
    // As the sweep: never the consent cookie itself, whatever a declaration's glob matches.
    const sweep = cookiePattern(firstPartyCookies(Object.values(services).filter((s) => !allows(s.name))));
    if (sweep) memo.sweep = `(?!${cookiePattern([{ name: cookie.name }] as CookieDeclaration[])})${sweep}`;
    const text = JSON.stringify(memo);
    if (localStorage.getItem(SHORT_PATH_KEY) !== text) localStorage.setItem(SHORT_PATH_KEY, text);
  } catch {
    // Storage blocked or full: no memo, so the next view takes the core's path.
    try {
      localStorage.removeItem(SHORT_PATH_KEY);
    } catch {
      // Blocked: there is none to remove.
    }
  }
}
