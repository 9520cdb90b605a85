/**
 * The consent cookie: the only place consent-gate writes its own cookie. Reads distrust what
 * they find (see `decodeRecord`); a bad or stale value means "no choice yet", logged once.
 *
 * Reading and clearing run wherever the state does (the script tag's core, and the first file's
 * short path: `src/gate/short-path.ts`), so they use `document.cookie` directly; writing, which happens only
 * when the visitor decides, goes through js-cookie in the decision-making half (`decisions.ts`),
 * which the script tag loads on demand.
 * Names and values are written in js-cookie's encoding; `readCookie` and `clearRecord` use the same.
 */
import Cookies from 'js-cookie';
import type { Catalogue } from '../catalogue/types.js';
import { decodeRecord, encodeRecord, type ConsentRecord } from './record.js';

let logged = false;

/**
 * The name of a `name=value` pair of `document.cookie`, decoded as js-cookie decodes it (left as it
 * is when it is not valid percent-encoding).
 */
export function decodeName(pair: string): string {
  const name = pair.split('=')[0].trim();
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The `name=value` pair of cookie `name` exactly as `document.cookie` lists it (the first of that
 * name, which `readCookie` reads); undefined when absent.
 */
export const cookiePair = (name: string): string | undefined =>
  document.cookie.split('; ').find((pair) => pair.includes('=') && decodeName(pair) === name);

/** The raw value of cookie `name`, decoded as js-cookie decodes it; undefined when absent (or not valid percent-encoding). */
export function readCookie(name: string): string | undefined {
  const pair = cookiePair(name);
  if (!pair) return undefined;
  let value = pair.slice(pair.indexOf('=') + 1);
  if (value[0] === '"') value = value.slice(1, -1);
  try {
    return value.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** What `document.cookie` is set to to expire a cookie on `path` (and `domain`, when given). */
const expiry = (name: string, path: string, domain?: string) =>
  `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}${domain ? `; domain=${domain}` : ''}`;

/** Expires a cookie on `path` (and `domain`, when given): how a cookie is deleted from script. */
export function expireCookie(name: string, path: string, domain?: string): void {
  document.cookie = expiry(name, path, domain);
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

/** What `document.cookie` is set to to delete the stored choice. */
export const recordExpiry = ({ cookie }: Pick<Catalogue, 'cookie'>): string => expiry(cookieName(cookie.name), '/', cookie.domain);

/** Deletes the stored choice. */
export function clearRecord(catalogue: Pick<Catalogue, 'cookie'>): void {
  document.cookie = recordExpiry(catalogue);
}
