/**
 * The elements that need the UI bundle as soon as they are on the page, not only when the banner
 * must ask: embeds (their placeholders), the privacy notice's cookie table and the cookies page's
 * settings. Watched from the moment the gate starts, so elements the parser has not reached yet,
 * and elements a page adds later, are seen too.
 */
export const UI_ELEMENTS = 'consent-embed,consent-table,consent-preferences';

/** Calls `found` once, as soon as one of the UI elements is in the document. */
export function whenUIElementsAppear(found: () => void): void {
  const holds = (node: Node) => node instanceof Element && (node.matches(UI_ELEMENTS) || node.querySelector(UI_ELEMENTS) !== null);
  if (holds(document.documentElement)) return found();
  const observer = new MutationObserver((mutations) => {
    if (!mutations.some((mutation) => Array.from(mutation.addedNodes).some(holds))) return;
    observer.disconnect();
    found();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
