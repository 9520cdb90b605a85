/**
 * Cookie-name matching for the sweep: a declaration's `name` and `match` entries are globs where
 * `*` is any run of characters and everything else is literal (`Slido.EventAuthTokens` has a dot
 * that must not match any character).
 */
import type { CookieDeclaration, Service } from './types.js';

const globSource = (glob: string) =>
  glob
    .split('*')
    .map((part) => part.replace(/[\\^$.|?*+()[\]{}/-]/g, '\\$&'))
    .join('.*');

/**
 * One regular expression (its source, for flag `s`) matching every declaration's name and `match`
 * aliases; undefined when there are none.
 */
export function cookiePattern(cookies: readonly CookieDeclaration[]): string | undefined {
  const globs = cookies.flatMap((c) => [c.name, ...(c.match ?? [])]);
  return globs.length ? `^(?:${globs.map(globSource).join('|')})$` : undefined;
}

/** A test for cookie names against every declaration's name and `match` aliases. */
export function cookieMatcher(
  cookies: readonly CookieDeclaration[],
): (cookieName: string) => boolean {
  const source = cookiePattern(cookies);
  if (!source) return () => false;
  // One alternation, compiled once: the sweep tests every cookie in `document.cookie`.
  const pattern = new RegExp(source, 's');
  return (cookieName) => pattern.test(cookieName);
}

/**
 * The declarations this site can delete itself: everything not set on a provider's own domain
 * (`party: 'third'`). Sweeping third-party names here could delete an unrelated site cookie that
 * happens to share a short name such as `sb` or `PREF`.
 */
export const firstPartyCookies = (services: readonly Service[]): CookieDeclaration[] =>
  services.flatMap((s) => s.cookies.filter((c) => c.party !== 'third'));
