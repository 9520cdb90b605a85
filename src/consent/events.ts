import type { ConsentMethod, ConsentRecord } from './record.js';

/**
 * Fired on `document` after every decision (accept, reject, update, objection, withdrawal, a
 * Global Privacy Control refusal, reset) and when a decision made in another tab reaches this one.
 * `record` is undefined after `reset()`.
 */
export class ConsentChangeEvent extends Event {
  static readonly eventName = 'consent-change';

  constructor(
    /** The record now in force. */
    readonly record: ConsentRecord | undefined,
    /** Categories and services whose grant changed with this decision. */
    readonly changed: readonly string[],
    /** How the decision was made. */
    readonly method: ConsentMethod | 'reset',
    /** True when the decision was made in another tab or window and read back from the cookie. */
    readonly remote = false,
  ) {
    super(ConsentChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-change': ConsentChangeEvent;
  }
}
