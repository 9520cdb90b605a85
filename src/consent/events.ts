import type { ConsentMethod, ConsentRecord } from './record.js';

/**
 * Fired on `document` after every decision (accept, reject, update, withdrawal, reset).
 * `record` is undefined after `reset()`.
 */
export class ConsentChangeEvent extends Event {
  static readonly eventName = 'consent-change';

  constructor(
    /** The record now in force. */
    readonly record: ConsentRecord | undefined,
    /** Categories whose grant changed with this decision. */
    readonly changed: readonly string[],
    /** How the decision was made. */
    readonly method: ConsentMethod | 'reset',
  ) {
    super(ConsentChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-change': ConsentChangeEvent;
  }
}
