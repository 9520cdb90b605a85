/**
 * The judging half of `consent-gate audit`: what the browser saw, against the catalogue. Pure, so
 * the rules read in one place:
 *  - before a choice and after Reject, a request to any host but the site's own (or a host an
 *    essential service declares) is a leak (COMPLIANCE R1, R3);
 *  - so is a cookie or storage key the catalogue declares in a non-essential category (R2, R3) —
 *    before a choice a `statistical-exception` category may run (R30), after Reject it may not;
 *  - a cookie or storage key that matches no declaration is undeclared, in any state; names are
 *    matched with the library's own `cookieMatcher`, whatever domain set them, so a stand-in
 *    or CDN host still counts as the service the name belongs to;
 *  - every declared cookie no state ever saw is listed, to prune the privacy notice.
 * Without a catalogue, the presets' cookie names and any third-party cookie stand in for
 * "non-essential", and nothing can be undeclared.
 */
import { cookieMatcher } from '../src/catalogue/match.js';
import { PRESETS } from '../src/catalogue/presets.js';
import type { Catalogue, CatalogueProblem, CookieDeclaration } from '../src/catalogue/types.js';
import { SHORT_PATH_KEY } from '../src/bundle-keys.js';
import type {
  Observations,
  SeenCookie,
  SeenStorage,
  StateName,
  StateObservation,
} from './audit-observe.js';

export const STATE_LABELS: Record<StateName, string> = {
  fresh: 'Fresh visit, no choice made',
  rejected: 'After Reject',
  accepted: 'After Accept',
};

export interface Classification {
  service: string;
  category?: string;
  /** Allowed in this state without consent. */
  allowed: boolean;
  consentCookie?: boolean;
}

export interface ReportedRequest {
  host: string;
  page: string;
  count: number;
  example: string;
  /** Catalogue services (or, without one, presets) whose `hosts` include this host. */
  declaredBy: string[];
}

export interface ReportedCookie {
  name: string;
  domain: string;
  path: string;
  /** ISO time, or `session`. */
  expires: string;
  /** Roughly how long from the visit: `2 years`, `24 hours`, `session`. */
  lifetime: string;
  party: 'first' | 'third';
  partitioned: boolean;
  page: string;
  service?: string;
  category?: string;
}

export interface ReportedStorage {
  kind: 'localStorage' | 'sessionStorage';
  name: string;
  origin: string;
  party: 'first' | 'third';
  page: string;
  service?: string;
  category?: string;
}

export interface Leak {
  kind: 'request' | 'cookie' | 'storage';
  /** Host for a request, name for a cookie or storage key. */
  name: string;
  page: string;
  reason: string;
  service?: string;
  category?: string;
}

export interface Undeclared {
  kind: 'cookie' | 'storage';
  name: string;
  /** Cookie domain, or storage origin. */
  where: string;
  party: 'first' | 'third';
  page: string;
}

export interface StateReport {
  state: StateName;
  label: string;
  reached: boolean;
  button?: string;
  note?: string;
  pages: string[];
  thirdPartyRequests: ReportedRequest[];
  cookies: ReportedCookie[];
  storage: ReportedStorage[];
  leaks: Leak[];
  undeclared: Undeclared[];
}

export interface AuditReport {
  url: string;
  pages: string[];
  catalogue: {
    /** A file given with --catalogue, or the URL (or inline selector) the page names. */
    source: string | null;
    from?: 'file' | 'page';
    site?: string;
    revision?: number;
    problems?: CatalogueProblem[];
  };
  states: StateReport[];
  neverSeen: { name: string; service: string; category: string }[];
  warnings: string[];
  summary: { leaks: number; undeclared: number; neverSeen: number; pass: boolean };
}

/** A host belongs to a declared host when it is the same or a subdomain of it. */
export const hostMatches = (host: string, declared: string) =>
  host == declared || host.endsWith('.' + declared);

/** Cookie domains may start with a dot; a domain cookie is first-party on any of its subdomains. */
export const isFirstParty = (domain: string, siteHost: string) =>
  hostMatches(siteHost, domain.replace(/^\./, ''));

const YEAR = 365.25 * 86400;
const units: [number, string][] = [
  [YEAR, 'year'],
  [YEAR / 12, 'month'],
  [7 * 86400, 'week'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
];
/** `2 years`, `13 months`, `24 hours`: the coarsest unit that still reads as a whole number. */
export function lifetime(expires: number, now: number): string {
  if (expires < 0) return 'session';
  const seconds = expires - now / 1000;
  if (seconds <= 60) return 'under a minute';
  for (const [size, unit] of units) {
    const n = Math.round(seconds / size);
    // 13 months is not "1 year"; 18 months is not "2 years".
    if (n >= 1 && Math.abs(seconds - n * size) <= size * 0.05 + 86400 / 2)
      return `${n} ${unit}${n == 1 ? '' : 's'}`;
  }
  return `${Math.round(seconds / 86400)} days`;
}

interface Declared {
  decl: CookieDeclaration;
  matches: (name: string) => boolean;
  service: string;
  category: string;
  required: boolean;
  exception: boolean;
}

function declarations(catalogue: Catalogue): Declared[] {
  return catalogue.categories.flatMap((category) =>
    category.services.flatMap((service) =>
      service.cookies.map((decl) => ({
        decl,
        matches: cookieMatcher([decl]),
        service: service.name,
        category: category.name,
        required: category.required,
        exception: category.basis == 'statistical-exception',
      })),
    ),
  );
}

function presetDeclarations(): Declared[] {
  return Object.entries(PRESETS).flatMap(([name, preset]) =>
    preset.cookies.map((decl) => ({
      decl,
      matches: cookieMatcher([decl]),
      service: name,
      category: '',
      required: false,
      exception: false,
    })),
  );
}

export function analyse(
  observations: Observations,
  catalogueInfo: {
    catalogue?: Catalogue;
    source: string | null;
    from?: 'file' | 'page';
    problems?: CatalogueProblem[];
  },
): AuditReport {
  const { catalogue } = catalogueInfo;
  const site = observations.siteHost;
  const declared = catalogue ? declarations(catalogue) : presetDeclarations();
  const consentCookie = catalogue?.cookie.name;
  const requiredCategory = catalogue?.categories.find((c) => c.required)?.name ?? 'essential';
  const services = catalogue
    ? Object.values(catalogue.services).map((s) => ({
        name: s.name,
        hosts: s.hosts,
        required: catalogue.categories.find((c) => c.name == s.category)!.required,
      }))
    : Object.entries(PRESETS).map(([name, p]) => ({ name, hosts: p.hosts, required: false }));
  const essentialHosts = services.filter((s) => s.required).flatMap((s) => s.hosts);
  const warnings: string[] = [];
  const origin = new URL(observations.url).origin;
  const path = (url: string) => (url.startsWith(origin) ? url.slice(origin.length) || '/' : url);
  const undeclaredHosts = new Set<string>();
  const seenNames = new Set<string>();

  /** The declaration a name belongs to, preferring one of the same party. */
  const classify = (
    name: string,
    party: 'first' | 'third',
    state: StateName,
    kind: 'cookie' | 'storage',
  ): Classification | undefined => {
    // consent-gate's own: the consent cookie, and the script tag's short-path memo in localStorage.
    if (name == consentCookie || (kind == 'storage' && name == SHORT_PATH_KEY && party == 'first'))
      return { service: '', category: requiredCategory, allowed: true, consentCookie: true };
    const hits = declared.filter((d) => d.matches(name));
    const hit = hits.find((d) => (d.decl.party ?? 'first') == party) ?? hits[0];
    if (!hit) return undefined;
    const allowed = state == 'accepted' || hit.required || (state == 'fresh' && hit.exception);
    return { service: hit.service, ...(hit.category ? { category: hit.category } : {}), allowed };
  };

  const when = (state: StateName) => (state == 'fresh' ? 'before a choice' : 'after Reject');

  const states = observations.states.map((observed: StateObservation): StateReport => {
    const { state } = observed;
    const report: StateReport = {
      state,
      label: STATE_LABELS[state] + (observed.button ? ` ("${observed.button}")` : ''),
      reached: observed.reached,
      ...(observed.button ? { button: observed.button } : {}),
      ...(observed.note ? { note: observed.note } : {}),
      pages: observed.pages,
      thirdPartyRequests: [],
      cookies: [],
      storage: [],
      leaks: [],
      undeclared: [],
    };
    if (!observed.reached) return report;
    const judge = state != 'accepted';

    // Third-party requests, one line per host and page.
    const groups = new Map<string, ReportedRequest>();
    for (const r of observed.requests) {
      if (r.host == site) continue;
      const key = r.host + '\n' + r.page;
      const group = groups.get(key);
      if (group) group.count++;
      else
        groups.set(key, {
          host: r.host,
          page: r.page,
          count: 1,
          example: r.url,
          declaredBy: services
            .filter((s) => s.hosts.some((h) => hostMatches(r.host, h)))
            .map((s) => s.name),
        });
    }
    report.thirdPartyRequests = [...groups.values()];
    for (const r of report.thirdPartyRequests) {
      if (judge && !essentialHosts.some((h) => hostMatches(r.host, h)))
        report.leaks.push({
          kind: 'request',
          name: r.host,
          page: r.page,
          reason:
            `${r.count} request${r.count == 1 ? '' : 's'} to ${r.host} ${when(state)}` +
            (r.declaredBy.length ? ` (${r.declaredBy.join(', ')})` : ''),
        });
    }

    const judgeStored = (
      kind: 'cookie' | 'storage',
      item: SeenCookie | SeenStorage,
      name: string,
      where: string,
      party: 'first' | 'third',
    ) => {
      seenNames.add(name);
      const c = classify(name, party, state, kind);
      if (!c) {
        if (catalogue) report.undeclared.push({ kind, name, where, party, page: item.page });
        else if (judge && party == 'third')
          report.leaks.push({
            kind,
            name,
            page: item.page,
            reason: `third-party ${kind} ${when(state)}`,
          });
        return undefined;
      }
      if (judge && !c.allowed)
        report.leaks.push({
          kind,
          name,
          page: item.page,
          service: c.service,
          ...(c.category ? { category: c.category } : {}),
          reason: catalogue
            ? `${c.category} ${kind} (${c.service}) ${when(state)}`
            : `${c.service} ${kind} ${when(state)}`,
        });
      return c;
    };

    for (const cookie of observed.cookies) {
      const party = isFirstParty(cookie.domain, site) ? 'first' : 'third';
      const c = judgeStored('cookie', cookie, cookie.name, cookie.domain, party);
      report.cookies.push({
        name: cookie.name,
        domain: cookie.domain,
        path: cookie.path,
        expires: cookie.expires < 0 ? 'session' : new Date(cookie.expires * 1000).toISOString(),
        lifetime: lifetime(cookie.expires, observed.observedAt),
        party,
        partitioned: Boolean(cookie.partitionKey),
        page: cookie.page,
        ...(c ? { service: c.consentCookie ? '(consent cookie)' : c.service } : {}),
        ...(c?.category ? { category: c.category } : {}),
      });
    }
    for (const item of observed.storage) {
      const party = isFirstParty(new URL(item.origin).hostname, site) ? 'first' : 'third';
      const c = judgeStored('storage', item, item.name, item.origin, party);
      report.storage.push({
        kind: item.kind,
        name: item.name,
        origin: item.origin,
        party,
        page: item.page,
        ...(c ? { service: c.consentCookie ? '(consent-gate)' : c.service } : {}),
        ...(c?.category ? { category: c.category } : {}),
      });
    }

    if (state == 'accepted')
      for (const r of report.thirdPartyRequests)
        if (!r.declaredBy.length && catalogue && !undeclaredHosts.has(r.host)) {
          undeclaredHosts.add(r.host);
          warnings.push(
            `requests go to ${r.host} (first on ${path(r.page)}), which no service in the catalogue declares in its hosts`,
          );
        }
    return report;
  });

  for (const skipped of observations.skipped)
    warnings.push(
      `${path(skipped.url)} is linked from the site but was not audited: ${skipped.reason}`,
    );
  for (const s of states)
    if (!s.reached && s.note) warnings.push(`${s.label}: not audited — ${s.note}`);
  const reject = states.find((s) => s.state == 'rejected');
  const accept = states.find((s) => s.state == 'accepted');
  if (accept?.reached && reject && !reject.reached)
    warnings.push('the site offers Accept but no Reject on the first layer (COMPLIANCE R9)');
  if (!catalogue && !catalogueInfo.problems)
    warnings.push(
      'no catalogue: cookies could not be checked against declarations (give --catalogue cookies.json)',
    );

  const neverSeen = catalogue
    ? declarations(catalogue)
        .filter((d) => ![...seenNames].some((n) => d.matches(n)))
        .map((d) => ({ name: d.decl.name, service: d.service, category: d.category }))
    : [];
  const leaks = states.reduce((n, s) => n + s.leaks.length, 0);
  const undeclared = new Set(states.flatMap((s) => s.undeclared.map((u) => u.kind + ':' + u.name)))
    .size;
  return {
    url: observations.url,
    pages: observations.pages,
    catalogue: {
      source: catalogueInfo.source,
      ...(catalogueInfo.from ? { from: catalogueInfo.from } : {}),
      ...(catalogue ? { site: catalogue.site, revision: catalogue.revision } : {}),
      ...(catalogueInfo.problems ? { problems: catalogueInfo.problems } : {}),
    },
    states,
    neverSeen,
    warnings,
    summary: {
      leaks,
      undeclared,
      neverSeen: neverSeen.length,
      pass: !leaks && !undeclared && !catalogueInfo.problems,
    },
  };
}
