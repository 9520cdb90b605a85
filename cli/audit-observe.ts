/**
 * The browser half of `consent-gate audit`: visits a site in headless Chromium as three visitors —
 * one who never answers the banner, one who rejects, one who accepts — and writes down every
 * request, cookie and storage key each of them ends up with, and on which page it first appeared.
 * Judging what it saw against the catalogue is `audit-analyse.ts`'s job.
 */
import type { BrowserContext, Frame, Locator, Page, Request } from 'playwright';
import { launchChromium, UsageError } from './browser.js';

export type StateName = 'fresh' | 'rejected' | 'accepted';

export interface SeenRequest {
  url: string;
  host: string;
  /** The page being visited when the request was made. */
  page: string;
}

export interface SeenCookie {
  name: string;
  domain: string;
  path: string;
  /** Unix time in seconds, or -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  /** The top-level site a partitioned (CHIPS) third-party cookie is kept for. */
  partitionKey?: string;
  page: string;
}

export interface SeenStorage {
  kind: 'localStorage' | 'sessionStorage';
  name: string;
  origin: string;
  page: string;
}

export interface StateObservation {
  state: StateName;
  /** False when the state could not be reached (no Reject or Accept button found). */
  reached: boolean;
  /** The accessible name of the button pressed to reach this state. */
  button?: string;
  note?: string;
  /** When the observation ended (ms since the epoch): cookie lifetimes are measured from it. */
  observedAt: number;
  pages: string[];
  requests: SeenRequest[];
  cookies: SeenCookie[];
  storage: SeenStorage[];
}

export interface DiscoveredCatalogue {
  /** A URL, or the selector of an inline catalogue, as the page's `data-catalogue` names it. */
  source: string;
  text?: string;
  error?: string;
}

export interface Observations {
  url: string;
  siteHost: string;
  /** The site's name as its start page gives it (og:site_name, else the end of its title). */
  siteName: string;
  pages: string[];
  /** Linked pages that could not be audited, with why. */
  skipped: { url: string; reason: string }[];
  discovered?: DiscoveredCatalogue;
  states: StateObservation[];
}

export interface ObserveOptions {
  url: string;
  /** At most this many same-origin pages, the start page included. */
  pages: number;
  /** Extra time to wait on each page once the network is quiet, for timers that set cookies. */
  waitMs: number;
  /** How long to look for the banner's buttons. */
  bannerTimeoutMs: number;
  /** Read the catalogue from the page's `data-catalogue` (when none was given). */
  discoverCatalogue: boolean;
  log: (line: string) => void;
}

// Buttons by accessible name, most specific first: consent-gate's own (English and Welsh), then the
// wording common cookie banners use. "OK" alone and "Close" are not consent, so they are not here.
export const REJECT_NAMES: RegExp[] = [
  /^(Reject additional cookies|Gwrthod cwcis ychwanegol)$/,
  /^(reject|decline|refuse|deny|disagree)( all| additional| optional| non-essential)?( cookies)?( and close)?$/i,
  /^(use |accept |allow )?(only )?(strictly )?(necessary|essential|required)( cookies)?( only)?$/i,
  /^(continue without (accepting|agreeing)|no,? thanks)$/i,
  /^gwrthod\b/i,
];
export const ACCEPT_NAMES: RegExp[] = [
  /^(Accept additional cookies|Derbyn cwcis ychwanegol)$/,
  /^(accept|allow|agree to|enable)( all| additional| optional)?( cookies)?( and (close|continue))?$/i,
  /^(i )?(agree|accept)$|^(ok|okay),? (i agree|got it)$|^got it$/i,
  /^derbyn\b/i,
];

// Links to these are files, not pages.
const NOT_A_PAGE =
  /\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|jpe?g|png|gif|webp|svg|mp[34]|mov|avi|ics|csv|txt|xml|json|js|css)$/i;

const QUIET_MS = 500;
const MAX_SETTLE_MS = 15_000;

/** Records one state's requests, cookies and storage keys, attributing each to the page in view. */
class StateRecorder {
  page = '';
  readonly requests: SeenRequest[] = [];
  private readonly _cookies = new Map<string, SeenCookie>();
  private readonly _storage = new Map<string, SeenStorage>();
  private readonly _inflight = new Set<Request>();
  /** Every request so far, to tell whether an action started any. */
  requestsStarted = 0;
  private readonly _onActivity = new Set<() => void>();

  constructor(readonly context: BrowserContext) {
    context.on('request', (request) => {
      const url = request.url();
      if (/^https?:/.test(url))
        this.requests.push({ url, host: new URL(url).hostname, page: this.page });
      this._inflight.add(request);
      this.requestsStarted++;
      this._activity();
    });
    const done = (request: Request) => {
      this._inflight.delete(request);
      this._activity();
    };
    context.on('requestfinished', done);
    context.on('requestfailed', done);
  }

  private _activity() {
    for (const listener of this._onActivity) listener();
  }

  /** Forgets everything seen so far: what happened before the visitor's choice is not this state's. */
  startOver() {
    this.requests.length = 0;
    this._cookies.clear();
    this._storage.clear();
  }

  /** Forgets requests of a page being left: a cancelled request may never report its end. */
  forgetInflight() {
    this._inflight.clear();
  }

  /** Resolves once no request has been in flight for QUIET_MS (or after MAX_SETTLE_MS). */
  networkQuiet(): Promise<void> {
    return new Promise((resolve) => {
      let quietTimer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(quietTimer);
        clearTimeout(deadline);
        this._onActivity.delete(check);
        resolve();
      };
      const check = () => {
        clearTimeout(quietTimer);
        if (!this._inflight.size) quietTimer = setTimeout(done, QUIET_MS);
      };
      const deadline = setTimeout(done, MAX_SETTLE_MS);
      this._onActivity.add(check);
      check();
    });
  }

  /** Notes the cookies and storage keys that are new since the last snapshot. */
  async snapshot(page: Page) {
    for (const c of await this.context.cookies()) {
      const key = [c.name, c.domain, c.path, c.partitionKey ?? ''].join('\n');
      if (this._cookies.has(key)) continue;
      this._cookies.set(key, {
        name: c.name,
        domain: c.domain,
        path: c.path,
        expires: c.expires,
        httpOnly: c.httpOnly,
        secure: c.secure,
        ...(c.partitionKey ? { partitionKey: c.partitionKey } : {}),
        page: this.page,
      });
    }
    for (const frame of page.frames()) {
      const found = await storageKeys(frame);
      if (!found) continue;
      for (const [kind, names] of [
        ['localStorage', found.local],
        ['sessionStorage', found.session],
      ] as const)
        for (const name of names) {
          const key = [kind, found.origin, name].join('\n');
          if (!this._storage.has(key))
            this._storage.set(key, { kind, name, origin: found.origin, page: this.page });
        }
    }
  }

  get cookies() {
    return [...this._cookies.values()];
  }
  get storage() {
    return [...this._storage.values()];
  }
}

/** The frame's storage keys; a frame whose storage is blocked or gone has none to report. */
async function storageKeys(frame: Frame) {
  try {
    return await frame.evaluate(() => {
      const keys = (storage: () => Storage) => {
        try {
          return Object.keys(storage());
        } catch {
          return [];
        }
      };
      return {
        origin: location.origin,
        local: keys(() => localStorage),
        session: keys(() => sessionStorage),
      };
    });
  } catch {
    return undefined;
  }
}

/** Same-origin page links of the page in view, without fragments. */
async function pageLinks(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page
    .$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href))
    .catch(() => [] as string[]);
  const out: string[] = [];
  for (const href of hrefs) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    if (url.origin != origin || NOT_A_PAGE.test(url.pathname)) continue;
    url.hash = '';
    out.push(url.href);
  }
  return out;
}

/** The page's consent-gate catalogue, as its script tag's `data-catalogue` names it. */
async function discoverCatalogue(page: Page): Promise<DiscoveredCatalogue | undefined> {
  const found = await page
    .evaluate(() => {
      const script = document.querySelector('script[data-catalogue]');
      const value = script?.getAttribute('data-catalogue')?.trim();
      if (!value) return undefined;
      if (/^[#[]/.test(value)) {
        let text: string | undefined;
        try {
          text = document.querySelector(value)?.textContent ?? undefined;
        } catch {
          text = undefined;
        }
        return { source: value, text };
      }
      return { source: new URL(value, location.href).href, text: undefined };
    })
    .catch(() => undefined);
  if (!found) return undefined;
  if (found.text !== undefined) return { source: found.source, text: found.text };
  if (/^[#[]/.test(found.source))
    return { source: found.source, error: `no element matches ${found.source}` };
  try {
    const response = await fetch(found.source);
    if (!response.ok) return { source: found.source, error: `HTTP ${response.status}` };
    return { source: found.source, text: await response.text() };
  } catch (error) {
    return { source: found.source, error: (error as Error).message };
  }
}

/** The first visible button (or link) named like one of `names`, in priority order, any frame. */
async function findChoice(
  page: Page,
  names: RegExp[],
  timeout: number,
): Promise<Locator | undefined> {
  const any = new RegExp(names.map((r) => `(?:${r.source})`).join('|'), 'i');
  const control = (frame: Frame | Page, name: RegExp) =>
    frame
      .getByRole('button', { name })
      .or(frame.getByRole('link', { name }))
      .filter({ visible: true })
      .first();
  // A banner is often drawn after load (consent-gate loads its UI on demand): wait for one.
  await control(page, any)
    .waitFor({ timeout })
    .catch(() => {});
  for (const name of names)
    for (const frame of page.frames()) {
      const candidate = control(frame, name);
      if (await candidate.count().catch(() => 0)) return candidate;
    }
  return undefined;
}

async function siteName(page: Page): Promise<string> {
  const named = await page
    .evaluate(() =>
      document
        .querySelector('meta[property="og:site_name"], meta[name="application-name"]')
        ?.getAttribute('content'),
    )
    .catch(() => undefined);
  // "News – Oakfield Primary School", "Oakfield Primary School | Home": the site is the longest part.
  const parts = (await page.title().catch(() => '')).split(/\s+[–—|-]\s+/).filter(Boolean);
  return (named ?? parts.sort((a, b) => b.length - a.length)[0] ?? '').trim();
}

async function accessibleName(control: Locator): Promise<string> {
  const label = await control.getAttribute('aria-label').catch(() => null);
  return (label ?? (await control.innerText().catch(() => ''))).replace(/\s+/g, ' ').trim();
}

export async function observeSite(options: ObserveOptions): Promise<Observations> {
  let start: URL;
  try {
    start = new URL(options.url);
  } catch {
    throw new UsageError(
      `${options.url} is not a URL: give one such as https://www.example.sch.uk/`,
    );
  }
  if (!/^https?:$/.test(start.protocol))
    throw new UsageError(`${options.url}: only http: and https: sites can be audited`);
  start.hash = '';
  const origin = start.origin;
  const browser = await launchChromium();
  try {
    const observations: Observations = {
      url: start.href,
      siteHost: start.hostname,
      siteName: '',
      pages: [start.href],
      skipped: [],
      states: [],
    };

    const visit = async (recorder: StateRecorder, page: Page, url: string) => {
      recorder.page = url;
      recorder.forgetInflight();
      const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      await settle(recorder, page);
      return response;
    };
    const settle = async (recorder: StateRecorder, page: Page) => {
      await recorder.networkQuiet();
      // Lazy iframes and scroll-triggered tags load only near the viewport; scrolling is no
      // consent. Lazy loads start once the scrolled page is laid out: two frames later.
      const before = recorder.requestsStarted;
      await page
        .evaluate(async () => {
          window.scrollTo(0, document.documentElement.scrollHeight);
          for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
        })
        .catch(() => {});
      if (recorder.requestsStarted != before) await recorder.networkQuiet();
      if (options.waitMs) await page.waitForTimeout(options.waitMs);
      await recorder.snapshot(page);
    };

    // 1. A visitor who never answers: crawl, and find the pages every state will visit.
    {
      const context = await browser.newContext();
      const recorder = new StateRecorder(context);
      const page = await context.newPage();
      const queue = [start.href];
      const queued = new Set(queue);
      const visited: string[] = [];
      while (queue.length && visited.length < options.pages) {
        const url = queue.shift()!;
        options.log(`fresh visit: ${url}`);
        let response;
        try {
          response = await visit(recorder, page, url);
        } catch (error) {
          const reason = (error as Error).message.split('\n')[0];
          if (!visited.length) throw new UsageError(`Could not load ${url}: ${reason}`);
          options.log(`  skipped: ${reason}`);
          observations.skipped.push({ url, reason });
          continue;
        }
        if (response && response.status() >= 400) {
          if (!visited.length) throw new UsageError(`${url} answered HTTP ${response.status()}`);
          // Not a page of the site: the later visitors need not see it again.
          observations.skipped.push({ url, reason: `HTTP ${response.status()}` });
          continue;
        }
        if (!visited.length) {
          observations.siteName = await siteName(page);
          if (options.discoverCatalogue) observations.discovered = await discoverCatalogue(page);
        }
        visited.push(url);
        if (!/html/i.test(response?.headers()['content-type'] ?? 'text/html')) continue;
        for (const link of await pageLinks(page, origin))
          if (!queued.has(link)) {
            queued.add(link);
            queue.push(link);
          }
      }
      observations.pages = visited;
      observations.states.push({
        state: 'fresh',
        reached: true,
        observedAt: Date.now(),
        pages: visited,
        requests: recorder.requests,
        cookies: recorder.cookies,
        storage: recorder.storage,
      });
      await context.close();
    }

    // 2 and 3. A visitor who rejects, and one who accepts, on the start page's banner.
    for (const [state, names] of [
      ['rejected', REJECT_NAMES],
      ['accepted', ACCEPT_NAMES],
    ] as const) {
      const context = await browser.newContext();
      const recorder = new StateRecorder(context);
      const page = await context.newPage();
      options.log(`${state}: ${start.href}`);
      await visit(recorder, page, start.href);
      const control = await findChoice(page, names, options.bannerTimeoutMs);
      const observation: StateObservation = {
        state,
        reached: Boolean(control),
        observedAt: 0,
        pages: [],
        requests: [],
        cookies: [],
        storage: [],
      };
      if (!control) {
        observation.note = `no ${state == 'rejected' ? 'Reject' : 'Accept'} button found on ${start.href}`;
      } else {
        observation.button = await accessibleName(control);
        options.log(`  pressing "${observation.button}"`);
        recorder.startOver();
        await control.click({ timeout: 10_000 });
        // Some banners reload the page after a choice.
        await page.waitForLoadState('load').catch(() => {});
        await settle(recorder, page);
        // Then every page again, the start page included (R3: "on reload and on other pages").
        for (const url of observations.pages) {
          options.log(`${state}: ${url}`);
          try {
            await visit(recorder, page, url);
            observation.pages.push(url);
          } catch (error) {
            options.log(`  skipped: ${(error as Error).message.split('\n')[0]}`);
          }
        }
      }
      observation.observedAt = Date.now();
      if (control) {
        observation.requests = recorder.requests;
        observation.cookies = recorder.cookies;
        observation.storage = recorder.storage;
      }
      observations.states.push(observation);
      await context.close();
    }
    return observations;
  } finally {
    await browser.close();
  }
}
