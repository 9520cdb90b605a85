/**
 * The script-tag gate (`consent-gate.min.js`): runs synchronously from the page's `<head>` with the
 * catalogue named by its own `data-catalogue` attribute. Every page view pays for this file, so by
 * itself it runs only the commonest page, a returning visitor's: the stored choice carries the
 * fingerprint of this very catalogue text (`catalogueFingerprint`: the text passed this version's
 * validator when the choice was stored), answers every category, and was the visitor's own (not
 * Global Privacy Control's). There it pushes Consent Mode's default and the stored choice, runs the
 * allowed scripts and iframes (now, and as they are parsed or added), and answers
 * `window.consentGate.allows()`.
 *
 * Everything else is `consent-gate-core.min.js` (`src/script-tag-core.ts`), fetched from beside
 * this file and handed the page (`take`) the moment it is needed:
 *  - at once on any other page: a first visit, a changed catalogue or library version, a choice
 *    from Global Privacy Control or with a category unanswered, a catalogue that does not parse,
 *    debugging;
 *  - when one of the UI elements is on the page (an embed, a cookie table, the cookies page's
 *    settings), for a decision, `open()`, `reset()` or `refresh()`, and on a `[data-consent-open]`
 *    click;
 *  - when another tab changed the consent cookie;
 *  - when refused cookies may be there to delete: something is refused and the page has a cookie
 *    that no essential service of the catalogue declares by its exact name.
 *
 *   <script src="/assets/consent-gate.min.js" data-catalogue="#cookie-catalogue"></script>
 *   <script src="/assets/consent-gate.min.js" data-catalogue="/cookies.json"></script>
 */
import { CORE_INTEGRITY } from './bundle-integrity.js';
import { CORE_KEY, handedOver } from './bundle-keys.js';
import { DEFAULT_COOKIE, has, own, resolveConsentMode, type Obj } from './catalogue/resolve.js';
import type { Catalogue } from './catalogue/types.js';
import { STATISTICAL_EXCEPTION } from './catalogue/types.js';
import type { ConsentListener, ConsentState } from './consent/controller.js';
import { globalPrivacyControl } from './consent/gpc.js';
import { catalogueFingerprint, inLifetime, isSealed, recordFrom, type ConsentRecord, type Wire } from './consent/record.js';
import { clearRecord, readCookie } from './consent/store.js';
import { activateIframe, ScriptActivator } from './gate/activate.js';
import { pushConsentModeDefault, pushConsentModeUpdate } from './gate/consent-mode.js';
import { reserveEmbedSpace } from './gate/embed-space.js';
import { watchGated } from './gate/gate.js';
import { visibleCookieNames } from './gate/sweep.js';
import { whenUIElementsAppear } from './gate/ui-elements.js';
import { loadBeside } from './load-beside.js';
import { debugAsked, openerClicked, READY_EVENT } from './page-hooks.js';
import type { CoreBundle, Handover } from './script-tag-core.js';
import { VERSION } from './version.js';

declare global {
  interface Window {
    consentGate: ConsentState;
  }
}

const self = document.currentScript as HTMLScriptElement | null;

/** A category as this file reads it from the catalogue (valid: its fingerprint says so). */
interface Category {
  name: string;
  required: boolean;
  basis?: string;
  services: string[];
}

/** The short path's catalogue and choice; empty and undefined on any other page. */
let categories: Category[] = [];
let inForce: ConsentRecord | undefined;
/** The catalogue's consent cookie (name, and domain when shared across subdomains). */
let cookie: Catalogue['cookie'] | undefined;
/** The core's state, once it has taken over: from then on `window.consentGate` is that state. */
let state: ConsentState | undefined;
/** Stops this file's own watchers when the core takes over. */
let stop = () => {};

/** Resolves to what loads the core (or undefined when there is no catalogue to run). */
let begun!: (need?: () => Promise<ConsentState | undefined>) => void;
const needed = new Promise<(() => Promise<ConsentState | undefined>) | undefined>((resolve) => (begun = resolve));
/** The core's state, fetching the core first if it is not here (a call made before the catalogue is read waits). */
const core = () => needed.then((need) => need?.());

const unknown = new Set<string>();

/** As `ConsentState.allows`, for the short path's answered choice. */
function allows(name: string): boolean {
  const record = inForce;
  if (!record) return false;
  const category = categories.find((c) => c.name === name);
  const owner = category ?? categories.find((c) => c.services.includes(name));
  if (!owner) {
    if (!unknown.has(name)) {
      unknown.add(name);
      console.error(`consent-gate: "${name}" is not a category or service in the cookie catalogue; anything gated on it stays blocked.`);
    }
    return false;
  }
  const services = record.services;
  return owner.required || (!category && has(services, name) ? services[name] : record.categories[owner.name]) === true;
}

const listeners = new Map<ConsentListener, () => void>();
const grants: [string, () => void][] = [];

type Forwarded = 'acceptAll' | 'rejectAll' | 'update' | 'reset' | 'open' | 'refresh';
/** A member only the core has: fetched for it, then called there. */
const forward =
  (member: Forwarded) =>
  (...args: unknown[]) =>
    core().then((s) => (s ? (s[member] as (...a: unknown[]) => unknown)(...args) : false));

/**
 * `window.consentGate` until the core takes over: the members of README's "API and events" but
 * `catalogue` (undefined until the core is here).
 */
const early = {
  allows,
  whenGranted: (name: string) => (allows(name) ? Promise.resolve() : new Promise<void>((resolve) => grants.push([name, resolve]))),
  subscribe(listener: ConsentListener) {
    listeners.set(listener, () => {});
    return () => {
      listeners.get(listener)?.();
      listeners.delete(listener);
    };
  },
  acceptAll: forward('acceptAll'),
  rejectAll: forward('rejectAll'),
  update: forward('update'),
  reset() {
    // Forgotten at once, as the core's reset does (a page may reload right after): the core, once
    // here, reads the cookie gone and tells the page.
    if (inForce) clearRecord({ cookie: cookie! });
    return core().then((s) => s?.record && s.reset());
  },
  open: forward('open'),
  refresh: forward('refresh'),
  get record() {
    return inForce;
  },
  awaitingChoice: false,
  get gpc() {
    return globalPrivacyControl();
  },
  get exceptionCategories() {
    return categories.filter((c) => c.basis === STATISTICAL_EXCEPTION).map((c) => c.name);
  },
};

// One object for the whole page view: what the core's state answers, once it has taken over. A
// method is looked up when called, so one taken off it early (`const { allows } = consentGate`)
// answers from the core's state too.
window.consentGate = new Proxy(early, {
  get(target, key) {
    const value = Reflect.get(state ?? target, key);
    if (typeof value != 'function') return value;
    return (...args: unknown[]) => {
      const source: object = state ?? target;
      return (Reflect.get(source, key) as (...a: unknown[]) => unknown).apply(source, args);
    };
  },
  set: (target, key, value) => Reflect.set(state ?? target, key, value),
}) as unknown as ConsentState;

/** The core's state takes over: early subscriptions and `whenGranted` calls move to it. */
function adopt(taking: ConsentState): void {
  state = taking;
  stop();
  for (const listener of listeners.keys()) listeners.set(listener, taking.subscribe(listener));
  for (const [name, resolve] of grants) taking.whenGranted(name).then(resolve);
}

async function readCatalogue(source: string): Promise<string> {
  // "#id" or "[attr]" names an inline <script type="application/json">; anything else is a URL.
  if (/^[#[]/.test(source)) {
    let element = document.querySelector(source);
    if (!element && document.readyState === 'loading') {
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
      element = document.querySelector(source);
    }
    if (!element) throw new Error(`no element matches data-catalogue="${source}"`);
    return element.textContent ?? '';
  }
  const response = await fetch(source, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}`);
  return response.text();
}

/** Runs the page from the catalogue's text: by itself on the short path, else through the core. */
function begin(text: string): void {
  const fingerprint = catalogueFingerprint(text, VERSION);
  const debug = debugAsked(self?.hasAttribute('data-debug'));
  const activator = new ScriptActivator();
  let input: Obj | undefined;
  let read: Category[] = [];
  let stored: ConsentRecord | undefined;
  let cookieName = '';
  let settings: ReturnType<typeof resolveConsentMode>;
  try {
    input = JSON.parse(text) as Obj;
    settings = resolveConsentMode(input);
    const given = { ...DEFAULT_COOKIE, ...(own(input, 'cookie') as object) };
    cookieName = given.name;
    read = Object.keys(input.categories).map((name) => {
      const c = input!.categories[name];
      return { name, required: own(c, 'required') === true, basis: own(c, 'basis') as string, services: (own(c, 'services') ?? []) as string[] };
    });
    // Sealed for this catalogue text (so written by this library, as it is: see `recordSeal`),
    // still in its lifetime, every category answered, and the visitor's own answer.
    const wire = JSON.parse(readCookie(cookieName)!) as Wire;
    const bits = (choices?: Record<string, 0 | 1>) => Object.fromEntries(Object.entries(choices ?? {}).map(([k, bit]) => [k, bit === 1]));
    if (
      !debug &&
      wire.m != 'gpc' &&
      isSealed(wire, fingerprint) &&
      inLifetime(Date.parse(wire.ts), given.days) &&
      read.every((c) => c.required || has(wire.c, c.name))
    ) {
      stored = recordFrom(wire, bits(wire.c), bits(wire.s), fingerprint);
      cookie = given;
    }
  } catch {
    // No choice stored, or not the catalogue this browser validated: the core will say what is wrong.
  }

  let loading: Promise<ConsentState | undefined> | undefined;
  const handover: Handover = { self, text, fingerprint, debug, activator, adopt };
  const need = () =>
    (loading ??= loadBeside(self, 'consent-gate-core.min.js', CORE_INTEGRITY)
      .then(() => handedOver<CoreBundle>(CORE_KEY).take(handover))
      .catch((error) => {
        loading = undefined; // a later need (a decision, the footer link) tries again
        console.error('consent-gate: could not start consent-gate-core.min.js; nothing more will run.', error);
        return undefined;
      }));
  begun(need);
  if (settings) {
    // Consent Mode's default goes into the dataLayer now, before any later tag.
    pushConsentModeDefault(settings);
    handover.consentModeDefaultPushed = true;
  }
  if (!stored) {
    need();
    return;
  }

  categories = read;
  inForce = handover.inForce = stored!;
  const record = stored!;
  if (settings) {
    const optional = read.filter((c) => !c.required).map((c) => c.name);
    pushConsentModeUpdate(settings, allows, optional, 'stored');
  }
  const stopWatching = watchGated((element) => {
    if (!allows(element.getAttribute('data-consent')!.trim())) return;
    if (element instanceof HTMLIFrameElement) activateIframe(element);
    else activator.activate(element as HTMLScriptElement);
  });
  document.dispatchEvent(new Event(READY_EVENT));

  // Another tab (or subdomain) changed the choice: the core applies it.
  const raw = readCookie(cookieName);
  const changed = () => {
    if (!state && readCookie(cookieName) !== raw) need();
  };
  const channel = typeof BroadcastChannel == 'function' ? new BroadcastChannel(`consent-gate:${cookieName}`) : undefined;
  if (channel) channel.onmessage = changed;
  document.addEventListener('visibilitychange', () => document.visibilityState == 'visible' && changed());
  addEventListener('pageshow', (event) => event.persisted && changed());
  stop = () => {
    stopWatching();
    channel?.close();
  };
  document.addEventListener('click', (event) => !state && openerClicked(event) && early.open());
  whenUIElementsAppear(need);

  // Refused cookies are swept on every page load: the core's sweep runs if any may be here.
  const refused = read.some((c) => !c.required && !record.categories[c.name]) || Object.values(record.services).includes(false);
  const essential = read
    .filter((c) => c.required)
    .flatMap((c) => c.services)
    .flatMap((s) => (own(own(own(input, 'services'), s), 'cookies') ?? []) as unknown[])
    .map((cookie) => own(cookie, 'name'));
  if (refused && visibleCookieNames().some((name) => name != cookieName && !essential.includes(name))) need();
}

function start(): void {
  // Embeds get their space as they are parsed, even while a catalogue URL is still being fetched.
  reserveEmbedSpace();
  const source = self?.dataset.catalogue;
  if (!source) {
    console.error('consent-gate: the script tag needs data-catalogue="#inline-json-id" or data-catalogue="/cookies.json"; nothing non-essential will run.');
    begun();
    return;
  }
  // An inline catalogue already parsed is read synchronously, so the gate acts before later tags.
  const inline = /^[#[]/.test(source) ? document.querySelector(source) : null;
  if (inline) return begin(inline.textContent ?? '');
  readCatalogue(source).then(begin, (error: Error) => {
    begun();
    console.error(`consent-gate: could not read the cookie catalogue (${error.message}); nothing non-essential will run.`);
  });
}

try {
  start();
} catch (error) {
  // Fail closed, never break the page: gated tags simply stay inert.
  begun();
  console.error('consent-gate: failed to start; nothing non-essential will run.', error);
}
