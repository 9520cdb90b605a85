/**
 * What a page asks of consent-gate through its markup and URL, read by both script-tag gate files
 * and by `runConsentGate` (src/run.ts): `?consent-debug`, `[data-consent-open]` links, and the
 * `consent-ready` announcement.
 */

const DEBUG_PARAMETER = /[?&]consent-debug(?:[=&]|$)/;

/** Whether the debug aid is wanted: asked for by the site (`debug`), or `?consent-debug` in the URL. */
export const debugAsked = (debug?: boolean): boolean => Boolean(debug) || DEBUG_PARAMETER.test(location.search);

/** The same name as READY_EVENT in src/ui/running-controller.ts. */
export const READY_EVENT = 'consent-ready';

/**
 * Whether `event` is a plain click on a `[data-consent-open]` element (a footer "Cookie settings"
 * link); then the link's own navigation is cancelled. Modified clicks (new tab or window) keep it.
 */
export function openerClicked(event: Event): boolean {
  const opener = (event.target as Element | null)?.closest?.('[data-consent-open]');
  const { ctrlKey, metaKey, shiftKey } = event as MouseEvent;
  if (!opener || ctrlKey || metaKey || shiftKey) return false;
  event.preventDefault();
  return true;
}
