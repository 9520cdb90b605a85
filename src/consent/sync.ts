/**
 * Cross-tab sync: a choice or withdrawal made in one tab applies in every open tab of the site.
 * The deciding tab says so on a BroadcastChannel; every tab also re-reads the consent cookie
 * when it becomes visible again or is restored from the back/forward cache (the fallback where
 * BroadcastChannel is missing, and across subdomains sharing the cookie through `cookie.domain`).
 * Re-reading goes through `controller.refresh()`, so the gate starts scripts, loads or unloads
 * embeds and sweeps cookies exactly as for a decision made here.
 */
import type { ConsentController } from './controller.js';

/** Starts listening; returns a function that stops. */
export function startTabSync(controller: ConsentController): () => void {
  const name = `consent-gate:${controller.catalogue?.cookie.name ?? 'cookie_preferences'}`;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  const refresh = () => controller.refresh();
  const onVisible = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  const onShow = (event: PageTransitionEvent) => {
    if (event.persisted) refresh();
  };
  if (channel) channel.onmessage = refresh;
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('pageshow', onShow);
  const unsubscribe = controller.subscribe(({ remote }) => {
    // Only the tab that decided tells the others; the message carries nothing: they read the cookie.
    if (!remote) channel?.postMessage(1);
  });
  return () => {
    unsubscribe();
    channel?.close();
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('pageshow', onShow);
  };
}
