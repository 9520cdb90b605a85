/**
 * Deletes the cookies of refused categories. A cookie can only be deleted with the same domain
 * and path it was set with, and `document.cookie` shows neither, so every cookie whose name
 * matches is expired in every form it can have: host-only, and `Domain=` each parent domain
 * from the host up to the registrable domain (never the public suffix: `.sch.uk`), on `/`, the
 * declared paths and the current path's ancestors.
 */
import { decodeName, expireCookie, readCookie } from '../consent/store.js';

const PROBE = 'consent_gate_probe';

/** The cookies this page can see: [name as stored, name decoded]. */
function visibleCookies(): [raw: string, name: string][] {
  return document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean)
    .map((raw) => [raw, decodeName(raw)]);
}

/** Names of the cookies this page can see. */
export const visibleCookieNames = (): string[] => visibleCookies().map(([, name]) => name);

let registrable: string | null | undefined;

/**
 * The registrable domain of `host` (`school.sch.uk` for `www.school.sch.uk`), found by asking the
 * browser: it refuses cookies for a public suffix, so the shortest suffix that accepts a test
 * cookie is the registrable domain. Null for IP addresses and single-label hosts (localhost).
 */
export function registrableDomain(host = location.hostname): string | null {
  if (registrable !== undefined && host === location.hostname) return registrable;
  let found: string | null = null;
  const isIp = /^[\d.]+$/.test(host) || host.includes(':');
  if (!isIp && host.includes('.')) {
    const labels = host.split('.');
    for (let i = labels.length - 2; i >= 0; i--) {
      const domain = labels.slice(i).join('.');
      document.cookie = `${PROBE}=1; path=/; domain=${domain}; SameSite=Lax`;
      const accepted = readCookie(PROBE) === '1';
      expireCookie(PROBE, '/', domain);
      if (accepted) {
        found = domain;
        break;
      }
    }
  }
  if (host === location.hostname) registrable = found;
  return found;
}

/** `/a/b/c` → `['/', '/a', '/a/', '/a/b', '/a/b/', …]`: where a script on this page may have set a cookie. */
function pathAncestors(pathname: string): string[] {
  const paths = ['/'];
  const parts = pathname.split('/').filter(Boolean);
  let path = '';
  for (const part of parts) {
    path += `/${part}`;
    paths.push(path, `${path}/`);
  }
  return paths;
}

/** The domains a cookie for this host can live on: the host and each parent up to the registrable domain. */
function cookieDomains(): string[] {
  const host = location.hostname;
  const top = registrableDomain(host);
  if (!top) return [];
  const domains = [host];
  let domain = host;
  while (domain !== top && domain.includes('.')) {
    domain = domain.slice(domain.indexOf('.') + 1);
    domains.push(domain);
  }
  return domains;
}

/**
 * Expires every visible cookie whose name `matches`, in every domain/path form. Returns the
 * names it found (and tried to delete); HttpOnly cookies are invisible here and stay.
 */
export function sweepCookies(matches: (name: string) => boolean, declaredPaths: readonly string[] = []): string[] {
  const doomed = visibleCookies().filter(([, name]) => matches(name));
  if (!doomed.length) return [];
  const domains = cookieDomains();
  const paths = [...new Set([...pathAncestors(location.pathname), ...declaredPaths])];
  for (const [raw] of doomed) {
    for (const path of paths) {
      expireCookie(raw, path);
      for (const domain of domains) expireCookie(raw, path, domain);
    }
  }
  return doomed.map(([, name]) => name);
}
