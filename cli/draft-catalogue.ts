/**
 * `--write-catalogue draft.json`: a starting catalogue from what an audit saw. Cookies, storage
 * keys and hosts that belong to a preset bring in that preset (Google Analytics' measurement id is
 * read from its `_ga_<id>` cookie); everything else goes, with what the browser could tell about
 * it, into an `other` category that asks for consent — the safe default until a person moves each
 * entry where it belongs and writes its purpose.
 */
import { cookieMatcher } from '../src/catalogue/match.js';
import { PRESETS } from '../src/catalogue/presets.js';
import { SHORT_PATH_KEY } from '../src/bundle-keys.js';
import type {
  CatalogueInput,
  CategoryInput,
  CookieDeclaration,
  PresetName,
  ServiceInput,
} from '../src/catalogue/types.js';
import { hostMatches, isFirstParty, lifetime } from './audit-analyse.js';
import type { Observations } from './audit-observe.js';

const PRESET_CATEGORY: Record<PresetName, string> = {
  'google-analytics': 'analytics',
  'site-search': 'analytics',
  youtube: 'embeds',
  facebook: 'embeds',
  twitter: 'embeds',
  slido: 'polls',
};

/** A catalogue name (letters, digits, - and _) from a host or text. */
const serviceName = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 64) || 'other';

/** Storage keys may hold characters a cookie name cannot; those become wildcards. */
const declarableName = (name: string) => name.replace(/[^\w!#$%&'*+.^`|~-]+/g, '*') || '*';

export function draftCatalogue(
  observations: Observations,
  options: { consentCookie?: string } = {},
): { catalogue: CatalogueInput; notes: string[] } {
  const site = observations.siteHost;
  const presets = Object.entries(PRESETS) as [PresetName, (typeof PRESETS)[PresetName]][];
  const matchers = presets.map(([name, p]) => [name, cookieMatcher(p.cookies)] as const);
  const used = new Set<PresetName>();
  let measurementId: string | undefined;
  const siteCookies: CookieDeclaration[] = [];
  const thirdParties = new Map<string, { hosts: Set<string>; cookies: CookieDeclaration[] }>();
  const thirdParty = (host: string) => {
    const key = host.replace(/^\./, '');
    if (!thirdParties.has(key)) thirdParties.set(key, { hosts: new Set([key]), cookies: [] });
    return thirdParties.get(key)!;
  };
  const declaredNames = new Set<string>();
  const notes: string[] = [];

  const place = (name: string, party: 'first' | 'third', where: string, expires: string) => {
    if (name == (options.consentCookie ?? 'cookie_preferences')) return;
    const preset = matchers.find(([, matches]) => matches(name))?.[0];
    if (preset) {
      used.add(preset);
      const id = /^_ga_([A-Z0-9]+)$/.exec(name)?.[1];
      if (preset == 'google-analytics' && id) measurementId ??= 'G-' + id;
      return;
    }
    const declared = declarableName(name);
    if (declaredNames.has(party + declared)) return;
    declaredNames.add(party + declared);
    const cookie: CookieDeclaration = { name: declared, expires, party };
    if (party == 'first') siteCookies.push(cookie);
    else thirdParty(where).cookies.push(cookie);
  };

  for (const state of observations.states) {
    for (const c of state.cookies)
      place(
        c.name,
        isFirstParty(c.domain, site) ? 'first' : 'third',
        c.domain,
        lifetime(c.expires, state.observedAt),
      );
    for (const s of state.storage) {
      const host = new URL(s.origin).hostname;
      // consent-gate's own (the script tag's short-path memo), like the consent cookie.
      if (s.name == SHORT_PATH_KEY && isFirstParty(host, site)) continue;
      place(
        s.name,
        isFirstParty(host, site) ? 'first' : 'third',
        host,
        s.kind == 'sessionStorage' ? 'session' : 'until deleted',
      );
    }
    for (const r of state.requests) {
      if (r.host == site) continue;
      const preset = presets.find(([, p]) => p.hosts.some((h) => hostMatches(r.host, h)))?.[0];
      if (preset) used.add(preset);
      else thirdParty(r.host);
    }
  }

  const categories: CatalogueInput['categories'] = { essential: { required: true } };
  const services: Record<string, ServiceInput> = {};
  const add = (
    category: string,
    name: string,
    service: ServiceInput,
    title?: CategoryInput['title'],
  ) => {
    let unique = name;
    // A custom service must not take a preset's name: a category naming it would mean the preset.
    for (let i = 2; unique in services || (!service.preset && unique in PRESETS); i++)
      unique = `${name}-${i}`;
    services[unique] = service;
    (categories[category] ??= { ...(title ? { title } : {}), services: [] }).services!.push(unique);
  };
  for (const [name] of presets)
    if (used.has(name))
      add(
        PRESET_CATEGORY[name],
        name,
        { preset: name, ...(name == 'google-analytics' && measurementId ? { measurementId } : {}) },
        PRESET_CATEGORY[name] == 'polls' ? { en: 'Polls', cy: 'Polau' } : undefined,
      );
  const other = 'Other cookies';
  if (siteCookies.length)
    add(
      'other',
      'site-cookies',
      {
        title: 'Cookies set by this website',
        provider: observations.siteName || site,
        cookies: siteCookies,
      },
      other,
    );
  for (const [host, found] of thirdParties)
    add(
      'other',
      serviceName(host),
      { title: host, provider: host, hosts: [...found.hosts], cookies: found.cookies },
      other,
    );
  if (categories.other) {
    const count =
      siteCookies.length + [...thirdParties.values()].reduce((n, t) => n + t.cookies.length, 0);
    notes.push(
      `${count} cookie${count == 1 ? '' : 's'} or storage key${count == 1 ? '' : 's'} and ${thirdParties.size} host${thirdParties.size == 1 ? '' : 's'} matched no preset: ` +
        'they are in the category "other", which asks for consent. Move each to "essential" only if the site cannot work without it, ' +
        'give each a purpose, and check every expiry against what the site intends.',
    );
  }
  if (used.size)
    notes.push(
      `matched presets: ${[...used].join(', ')}` +
        (used.has('google-analytics') && !measurementId
          ? ' (set measurementId for google-analytics)'
          : ''),
    );
  return {
    catalogue: {
      $schema: 'https://cdn.jsdelivr.net/npm/consent-gate/catalogue.schema.json',
      site: observations.siteName || site,
      revision: 1,
      categories,
      services,
    },
    notes,
  };
}
