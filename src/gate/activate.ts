/**
 * Turns gated markup into live markup once its category is allowed:
 *   <script type="text/plain" data-consent="analytics" src|inline>  → a real script
 *   <iframe data-consent="embeds" data-src="…">                      → src set
 * Scripts are fetched in parallel and executed in document order (async ones whenever they
 * arrive, defer/module ones after the document is parsed), with every attribute and the nonce kept.
 */

export const GATED_SCRIPT = 'script[type="text/plain"][data-consent]';
export const GATED_IFRAME = 'iframe[data-consent][data-src]';

/** Attributes that describe the gating, not the script: never copied onto the live element. */
const GATE_ATTRIBUTES = new Set(['type', 'data-type']);

function copyAttributes(from: Element, to: Element): void {
  for (const { name, value } of Array.from(from.attributes)) {
    if (!GATE_ATTRIBUTES.has(name) && name !== 'nonce') to.setAttribute(name, value);
  }
}

/** Settles when an external script has run (or failed to load); its value is the event. */
function executed(script: HTMLScriptElement): Promise<unknown> {
  return new Promise((resolve) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', resolve);
  });
}

export class ScriptActivator {
  /** Settles once every ordered script activated so far has run. */
  private _ran: Promise<unknown> = Promise.resolve();
  /** Ordered external scripts inserted but not yet run. */
  private _running = 0;
  /** Scripts queued behind others, not yet inserted. */
  private _waiting = 0;
  /** Every gated script taken: a queued one is still in the page, and must not be taken twice. */
  private _taken = new WeakSet<HTMLScriptElement>();

  /** Replaces a gated script with a live copy (once). Call in document order. */
  activate(gated: HTMLScriptElement): void {
    if (this._taken.has(gated)) return;
    this._taken.add(gated);
    const live = document.createElement('script');
    copyAttributes(gated, live);
    const type = gated.dataset.type;
    if (type) live.type = type;
    // `nonce` is hidden from getAttribute once CSP has read it; the property keeps it.
    if (gated.nonce) live.nonce = gated.nonce;
    const src = gated.getAttribute('src');
    const isModule = type === 'module';
    if (src && gated.hasAttribute('async')) {
      live.async = true;
      gated.replaceWith(live);
      return;
    }
    if (!src) live.text = gated.text;
    else live.async = false;

    // defer (and module) scripts run after parsing, as they would have without the gate.
    const deferred = document.readyState === 'loading' && (gated.hasAttribute('defer') || isModule);
    if (!deferred && !this._waiting) {
      if (src) {
        // Inserted scripts with async=false download in parallel and run in insertion order.
        gated.replaceWith(live);
        this._running++;
        const ran = executed(live).finally(() => this._running--);
        this._ran = Promise.all([this._ran, ran]);
        return;
      }
      if (!this._running) {
        // An inline script with nothing ahead of it runs now, so what follows sees its globals.
        gated.replaceWith(live);
        return;
      }
    }
    // Behind an inline script or a deferred one: wait its turn, but start downloading now.
    if (src) this._preload(live, src, isModule);
    this._waiting++;
    const ready = deferred
      ? new Promise<void>((r) => document.addEventListener('DOMContentLoaded', () => r(), { once: true }))
      : undefined;
    this._ran = Promise.all([this._ran, ready]).then(() => {
      this._waiting--;
      gated.replaceWith(live);
      // Only external scripts fire `load`; an inline module runs a moment later on its own.
      if (!src) return undefined;
      this._running++;
      return executed(live).finally(() => this._running--);
    });
  }

  /** Starts the download now so the in-order chain does not serialise network time. */
  private _preload(live: HTMLScriptElement, src: string, isModule: boolean): void {
    const link = document.createElement('link');
    link.rel = isModule ? 'modulepreload' : 'preload';
    if (!isModule) link.as = 'script';
    link.href = src;
    if (live.nonce) link.nonce = live.nonce;
    for (const name of ['crossorigin', 'integrity', 'referrerpolicy']) {
      const value = live.getAttribute(name);
      if (value !== null) link.setAttribute(name, value);
    }
    document.head.append(link);
  }
}

/** Loads a gated iframe. */
export function activateIframe(frame: HTMLIFrameElement): void {
  const src = frame.dataset.src!;
  if (frame.getAttribute('src') !== src) frame.src = src;
}

/** Unloads a gated iframe on withdrawal (its document and any access it had go away). */
export function deactivateIframe(frame: HTMLIFrameElement): void {
  if (frame.hasAttribute('src')) frame.src = 'about:blank';
}
