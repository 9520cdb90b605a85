/**
 * The consent cookie: the only place consent-gate writes its own cookie. Reads distrust what
 * they find (see `decodeRecord`); a bad or stale value means "no choice yet", logged once.
 *
 * Reading and clearing run wherever the state does (the script tag's first file reads the cookie
 * and clears it on `reset()`), so they use `document.cookie` directly; writing, which happens only
 * when the visitor decides, goes through js-cookie in the decision-making half (`decisions.ts`),
 * which the script tag loads on demand.
 * Names and values are written in js-cookie's encoding; `readCookie` and `clearRecord` use the same.
 */
import Cookies from 'js-cookie';
import type { Catalogue } from '../catalogue/types.js';
import { decodeRecord, encodeRecord, type ConsentRecord } from './record.js';

let logged = false;

/** The raw value of cookie `name`, decoded as js-cookie decodes it; undefined when absent. */
export function readCookie(name: string): string | undefined {
  for (const pair of document.cookie.split('; ')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    try {
      if (decodeURIComponent(pair.slice(0, at)) !== name) continue;
      let value = pair.slice(at + 1);
      if (value[0] === '"') value = value.slice(1, -1);
      return value.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
    } catch {
      // A name or value that is not valid percent-encoding is not ours.
    }
  }
  return undefined;
}

/** Expires a cookie on `path` (and `domain`, when given): how a cookie is deleted from script. */
export function expireCookie(name: string, path: string, domain?: string): void {
  document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}${domain ? `; domain=${domain}` : ''}`;
}

/**
 * The stored choice, or undefined when there is none that may be used. Never throws.
 * `fingerprint`: the page's catalogue fingerprint (see `recordSeal`).
 */
export function readRecord(catalogue: Catalogue, fingerprint?: string): ConsentRecord | undefined {
  const { revision, cookie } = catalogue;
  let raw: string | undefined;
  try {
    raw = readCookie(cookie.name);
  } catch {
    raw = undefined;
  }
  const result = decodeRecord(raw, { revision, days: cookie.days, fingerprint });
  if (result.ok) return result.record;
  if (result.reason !== 'missing' && !logged) {
    logged = true;
    console.warn(
      `consent-gate: ignoring the stored choice in cookie "${cookie.name}" (${result.reason}${
        result.detail ? `: ${result.detail}` : ''
      }); the visitor will be asked again.`,
    );
  }
  return undefined;
}

/** Stores a choice; the cookie lives as long as the choice may be used. */
export function writeRecord(catalogue: Catalogue, record: ConsentRecord): void {
  const { name, days, domain } = catalogue.cookie;
  Cookies.set(name, encodeRecord(record), {
    expires: new Date(Date.parse(record.timestamp) + days * 86_400_000),
    path: '/',
    sameSite: 'Lax',
    secure: location.protocol === 'https:',
    ...(domain ? { domain } : {}),
  });
}

/** A cookie name as js-cookie writes it (it leaves `#$&+^\`|` as they are). */
const cookieName = (name: string) =>
  encodeURIComponent(name)
    .replace(/%(2[346B]|5E|60|7C)/g, decodeURIComponent)
    .replace(/[()]/g, escape);

/** Deletes the stored choice (only the catalogue's `cookie` settings are read). */
export function clearRecord(catalogue: Pick<Catalogue, 'cookie'>): void {
  const { name, domain } = catalogue.cookie;
  expireCookie(cookieName(name), '/', domain);
}
