/**
 * The gate: keeps the page's gated scripts and iframes in step with the controller's choice,
 * now and for elements added later, and deletes the cookies of whatever is not allowed.
 */
import { cookieMatcher, firstPartyCookies } from '../catalogue/match.js';
import type { ConsentController } from '../consent/controller.js';
import { activateIframe, deactivateIframe, GATED_IFRAME, GATED_SCRIPT, ScriptActivator } from './activate.js';
import type { GateTrace } from './debug.js';
import { sweepCookies } from './sweep.js';

export interface GateOptions {
  /**
   * Reload the page when a category whose scripts already ran here is withdrawn, because a
   * running script cannot be unloaded. Default true.
   */
  reloadOnWithdrawal?: boolean;
  /** Told about every gated element considered and every sweep: the debug aid (`./debug.ts`). */
  trace?: GateTrace;
  /**
   * The activator to go on with: the script tag's first file hands over its own, which may still
   * hold scripts queued behind others (default: a new one).
   */
  activator?: ScriptActivator;
}

/** Gated scripts and iframes. */
export const GATED = `${GATED_SCRIPT},${GATED_IFRAME}`;

/**
 * Calls `each` for every element matching `selector` in the document now, and for each one added
 * later (the parser's, or a page's own). Returns a function that stops watching.
 */
export function watchFor(selector: string, each: (element: Element) => void): () => void {
  const scan = (root: ParentNode) => root.querySelectorAll(selector).forEach(each);
  scan(document);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of Array.from(mutation.addedNodes)) {
        if (!(node instanceof Element)) continue;
        if (node.matches(selector)) each(node);
        else if (node.firstElementChild) scan(node);
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** Calls `consider` for every gated script and iframe, now and as they are added. */
export const watchGated = (consider: (element: Element) => void): (() => void) => watchFor(GATED, consider);

/**
 * Live scripts that came out of the gate keep their `data-consent`. One marked
 * `data-consent-reload="false"` stops by itself once withdrawn (it runs once, or checks
 * `consentGate.allows()` before acting), so withdrawing it needs no reload.
 */
const LIVE_SCRIPT = 'script[data-consent]:not([type="text/plain"]):not([data-consent-reload="false"])';

/** Starts the gate; returns a function that stops it (observer and subscription). */
export function startGate(controller: ConsentController, options: GateOptions = {}): () => void {
  const activator = options.activator ?? new ScriptActivator();
  const trace = options.trace;

  const consider = (element: Element) => {
    const name = element.getAttribute('data-consent')!.trim();
    const allowed = controller.allows(name);
    trace?.('element', element, allowed);
    if (element instanceof HTMLIFrameElement) {
      if (allowed) activateIframe(element);
      else deactivateIframe(element);
    } else if (allowed && element instanceof HTMLScriptElement) {
      activator.activate(element);
    }
  };

  /** Deletes the cookies of every service that is not allowed now. */
  const sweepRefused = () => {
    const catalogue = controller.catalogue!;
    const refused = Object.values(catalogue.services).filter((s) => !controller.allows(s.name));
    // Third-party cookies live on the provider's domain, out of this page's reach.
    const declarations = firstPartyCookies(refused);
    const matches = cookieMatcher(declarations);
    const own = catalogue.cookie.name;
    const paths = declarations.map((c) => c.path).filter((p): p is string => Boolean(p));
    return sweepCookies((name) => name !== own && matches(name), paths);
  };

  const stopWatching = watchGated(consider);

  // Refused categories are swept on every page load, not only at the moment of refusal.
  const swept = sweepRefused();
  trace?.('sweep', swept, 'load');

  const unsubscribe = controller.subscribe(({ changed }) => {
    document.querySelectorAll(GATED).forEach(consider);
    const withdrawn = changed.filter((name) => !controller.allows(name));
    if (!withdrawn.length) return;
    const deleted = sweepRefused();
    trace?.('sweep', deleted, 'withdrawal');
    const stillRunning = Array.from(document.querySelectorAll(LIVE_SCRIPT)).some(
      (script) => !controller.allows(script.getAttribute('data-consent')!.trim()),
    );
    if (stillRunning && options.reloadOnWithdrawal !== false) location.reload();
  });
  return () => {
    stopWatching();
    unsubscribe();
  };
}
