/**
 * `consent-before-change`, in a module of its own: only the decisions (`decisions.ts`) fire it,
 * so the script tag's gate, which decides nothing, does not carry it.
 */
import type { ConsentMethod, ConsentRecord } from './record.js';

/**
 * Fired on `document` before a decision is stored, cancelable: `preventDefault()` vetoes it (the
 * choice in force stays as it was); `defer(promise)` holds it until the promise settles, then
 * applies it unless the promise rejected or resolved to `false`. Not fired for decisions made in
 * another tab (they are already stored) or for `reset()`.
 *
 * Refusing and withdrawing must stay as easy as accepting: veto a refusal only for a reason the
 * visitor would agree with, and say so on the page.
 */
export class ConsentBeforeChangeEvent extends Event {
  static readonly eventName = 'consent-before-change';
  private _deferred: Promise<unknown>[] = [];

  constructor(
    /** The record that would be stored. */
    readonly record: ConsentRecord,
    /** The record in force now. */
    readonly previous: ConsentRecord | undefined,
    /** Categories and services whose grant would change. */
    readonly changed: readonly string[],
    /** How the decision is being made. */
    readonly method: ConsentMethod,
  ) {
    super(ConsentBeforeChangeEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }

  /** Holds the decision until `promise` settles; it is dropped if `promise` rejects or gives `false`. */
  defer(promise: Promise<unknown>): void {
    this._deferred.push(promise);
  }

  /** The promises listeners deferred the decision on (read by the controller). */
  get deferred(): readonly Promise<unknown>[] {
    return this._deferred;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-before-change': ConsentBeforeChangeEvent;
  }
}
