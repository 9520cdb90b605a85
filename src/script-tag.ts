/**
 * The script-tag gate (`consent-gate.min.js`): runs synchronously from the page's `<head>` with the
 * catalogue named by its own `data-catalogue` attribute. Every page view pays for this file, so by
 * itself it runs only the commonest page, a returning visitor's, from the short path's memo the
 * core wrote (`src/gate/short-path.ts`): the consent cookie reads exactly as when it was written,
 * for this very catalogue text (`catalogueFingerprint`) and library version, in the choice's
 * lifetime (the core writes it only for a choice of the visitor's own, every category answered).
 * There it pushes Consent Mode's default and the stored choice, runs the allowed scripts and
 * iframes (now, and as they are parsed or added), and answers `window.consentGate.allows()`.
 *
 * Everything else is `consent-gate-core.min.js` (`src/script-tag-core.ts`), fetched from beside
 * this file and handed the page (`take`) the moment it is needed:
 *  - at once on any other page: a first visit, a changed catalogue, library version or cookie, a
 *    choice from Global Privacy Control or with a category unanswered, a catalogue that does not
 *    parse, storage blocked, debugging;
 *  - when one of the UI elements is on the page (an embed, a cookie table, the cookies page's
 *    settings), for a decision, `open()`, `reset()` or `refresh()`, and on a `[data-consent-open]`
 *    click;
 *  - when another tab changed the consent cookie;
 *  - when refused cookies are there to delete: a cookie matches the memo's pattern of refused
 *    first-party cookies.
 *
 *   <script src="/assets/consent-gate.min.js" data-catalogue="#cookie-catalogue"></script>
 *   <script src="/assets/consent-gate.min.js" data-catalogue="/cookies.json"></script>
 */
import { CORE_INTEGRITY } from './bundle-integrity.js';
import { CORE_KEY, handedOver } from './bundle-keys.js';
import { consentModeBasics, has, type Obj } from './catalogue/resolve.js';
import type { ConsentListener, ConsentState } from './consent/controller.js';
import { globalPrivacyControl } from './consent/gpc.js';
import { catalogueFingerprint } from './consent/record.js';
import { decodeName } from './consent/store.js';
import { activateIframe, ScriptActivator } from './gate/activate.js';
import { pushConsentModeDefault, pushToDataLayer } from './gate/consent-mode.js';
import { reserveDefaultEmbedSpace } from './gate/embed-space.js';
import { GATED, watchFor } from './gate/gate.js';
import { readShortPath, unchanged, type ShortPath } from './gate/short-path.js';
import { UI_ELEMENTS } from './gate/ui-elements.js';
import { loadBeside } from './load-beside.js';
import { debugAsked, openerClicked, READY_EVENT } from './page-hooks.js';
import type { CoreBundle, Handover } from './script-tag-core.js';
import { VERSION } from './version.js';

declare global {
  interface Window {
    consentGate: ConsentState;
  }
}

// A classic script tag, as README says (a module has no currentScript: then starting fails, closed).
const self = document.currentScript as HTMLScriptElement;

/** The short path's memo (see `src/gate/short-path.ts`); undefined on any other page. */
let memo: ShortPath | undefined;
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
/** Logged when this file or the core it fetched fails (a failed fetch also logs which file). */
const FAILED = 'consent-gate: failed to start; nothing more will run.';

/** As `ConsentState.allows`, for the short path's choice (false on any other page until the core is here). */
function allows(name: string): boolean {
  if (!memo) return false;
  if (has(memo.allowed, name)) return memo.allowed[name];
  if (!unknown.has(name)) {
    unknown.add(name);
    console.error(`consent-gate: "${name}" is not in the cookie catalogue; anything gated on it stays blocked.`);
  }
  return false;
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
    if (memo) document.cookie = memo.expiry;
    return core().then((s) => s?.record && s.reset());
  },
  open: forward('open'),
  refresh: forward('refresh'),
  get record() {
    return memo?.record;
  },
  awaitingChoice: false,
  get gpc() {
    return globalPrivacyControl();
  },
  get exceptionCategories() {
    return memo?.exceptions ?? [];
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
}) as unknown as ConsentState;

/** The core's state takes over: early subscriptions and `whenGranted` calls move to it. */
function adopt(taking: ConsentState): void {
  state = taking;
  stop();
  for (const listener of listeners.keys()) listeners.set(listener, taking.subscribe(listener));
  for (const [name, resolve] of grants) taking.whenGranted(name).then(resolve);
}

/** Runs the page from the catalogue's text: by itself on the short path, else through the core. */
function begin(text: string): void {
  const fingerprint = catalogueFingerprint(text, VERSION);
  const debug = debugAsked(self.hasAttribute('data-debug'));
  const activator = new ScriptActivator();
  let settings: ReturnType<typeof consentModeBasics>;
  let found: ShortPath | undefined;
  try {
    settings = consentModeBasics(JSON.parse(text) as Obj);
    found = debug ? undefined : readShortPath(fingerprint);
  } catch {
    // Not JSON, or no memo (storage blocked): the core will say what is wrong, or run the page.
  }

  let loading: Promise<ConsentState | undefined> | undefined;
  const handover: Handover = { self, text, fingerprint, debug, activator, adopt };
  const need = () =>
    (loading ??= loadBeside(self, 'consent-gate-core.min.js', CORE_INTEGRITY)
      .then(() => handedOver<CoreBundle>(CORE_KEY).take(handover))
      .catch((error) => {
        loading = undefined; // a later need (a decision, the footer link) tries again
        console.error(FAILED, error);
        return undefined;
      }));
  begun(need);
  // Consent Mode's default goes into the dataLayer now, before any later tag.
  if (settings) pushConsentModeDefault(settings);
  // A footer "Cookie settings" link clicked before the core has taken over (on the short path, or
  // while the core downloads and validates) opens the preferences once it has.
  document.addEventListener('click', (event) => !state && openerClicked(event) && early.open());
  if (!found) {
    need();
    return;
  }

  memo = found;
  handover.inForce = found.record;
  const { name, sweep } = found;
  if (found.consentMode) pushToDataLayer(found.consentMode);
  // One watcher: gated scripts and iframes run when allowed; an element the UI draws needs the core.
  const stopWatching = watchFor(`${GATED},${UI_ELEMENTS}`, (element) => {
    if (!element.matches(GATED)) need();
    else if (allows(element.getAttribute('data-consent')!.trim())) {
      if (element instanceof HTMLIFrameElement) activateIframe(element);
      else activator.activate(element as HTMLScriptElement);
    }
  });
  document.dispatchEvent(new Event(READY_EVENT));

  // Another tab (or subdomain) changed the choice: the core applies it.
  const changed = () => {
    if (!state && !unchanged(found)) need();
  };
  const channel = new BroadcastChannel(`consent-gate:${name}`);
  channel.onmessage = changed;
  document.addEventListener('visibilitychange', () => !document.hidden && changed());
  addEventListener('pageshow', (event) => event.persisted && changed());
  stop = () => {
    stopWatching();
    channel.close();
  };

  // Refused cookies are swept on every page load: the core's sweep runs if any is here.
  const refused = sweep && new RegExp(sweep, 's');
  if (refused && document.cookie.split('; ').some((pair) => refused.test(decodeName(pair)))) need();
}

function start(): void {
  // Embeds get their space as they are parsed, even while a catalogue URL is still being fetched.
  reserveDefaultEmbedSpace();
  const source = self.dataset.catalogue;
  if (!source) {
    console.error('consent-gate: the script tag has no data-catalogue; nothing non-essential will run.');
    begun();
    return;
  }
  // "#id" or "[attr]" names an inline <script type="application/json">; anything else is a URL.
  const inline = /^[#[]/.test(source);
  const read = () => {
    const element = document.querySelector(source);
    if (!element) throw new Error(`no element matches data-catalogue="${source}"`);
    return element.textContent ?? '';
  };
  // An inline catalogue already parsed is read synchronously, so the gate acts before later tags.
  if (inline && document.querySelector(source)) return begin(read());
  const text = inline
    ? new Promise((parsed) =>
        document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', parsed, { once: true }) : parsed(0),
      ).then(read)
    : fetch(source).then((response) => {
        // (credentials: same-origin, fetch's default)
        if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}`);
        return response.text();
      });
  text.then(begin, (error: Error) => {
    begun();
    console.error(`consent-gate: could not read the cookie catalogue (${error.message}); nothing non-essential will run.`);
  });
}

try {
  start();
} catch (error) {
  // Fail closed, never break the page: gated tags simply stay inert.
  begun();
  console.error(FAILED, error);
}
