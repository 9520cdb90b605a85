/**
 * The elements that need the UI as soon as they are on the page, not only when the banner
 * must ask: embeds (their placeholders), the privacy notice's cookie table and the cookies page's
 * settings. Watched from the moment the gate starts, so elements the parser has not reached yet,
 * and elements a page adds later, are seen too.
 */
import { watchFor } from './gate.js';

export const UI_ELEMENTS = 'consent-embed,consent-table,consent-preferences';

/** Calls `found` once, as soon as one of the UI elements (or of those `selector` names) is in the document. */
export function whenUIElementsAppear(found: () => void, selector = UI_ELEMENTS): void {
  let seen = false;
  let stop: (() => void) | undefined;
  stop = watchFor(selector, () => {
    if (seen) return;
    seen = true;
    stop?.();
    found();
  });
  if (seen) stop();
}
