/**
 * Cross-tab sync: a choice or withdrawal made in one tab applies in every open tab of the site.
 * The deciding tab says so on a BroadcastChannel; every tab also re-reads the consent cookie
 * when it becomes visible again or is restored from the back/forward cache (the fallback where
 * BroadcastChannel is missing, and across subdomains sharing the cookie through `cookie.domain`).
 * Re-reading goes through `controller.refresh()`, so the gate starts scripts, loads or unloads
 * embeds and sweeps cookies exactly as for a decision made here.
 */
import type { ConsentController } from './controller.js';

/**
 * Starts listening; returns a function that stops. With `later` (run.ts passes `afterFrame`), the
 * channel opens in the task `later` runs: opening one is a slow call (≈6 ms at 4× CPU, profiled) in
 * the frame that draws the banner. It then re-reads the cookie once, so a choice another tab made
 * before it listened is applied all the same; a choice made here before then opens it to tell.
 */
export function startTabSync(controller: ConsentController, later?: (task: () => void) => void): () => void {
  const name = `consent-gate:${controller.catalogue?.cookie.name ?? 'cookie_preferences'}`;
  let channel: BroadcastChannel | undefined;
  let stopped = false;
  const refresh = () => controller.refresh();
  const open = () => {
    if (!channel && !stopped && typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(name);
      channel.onmessage = refresh;
    }
    return channel;
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  const onShow = (event: PageTransitionEvent) => {
    if (event.persisted) refresh();
  };
  if (later)
    later(() => {
      if (stopped) return;
      open();
      refresh(); // nothing when the cookie is as this tab last read it
    });
  else open();
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('pageshow', onShow);
  const unsubscribe = controller.subscribe(({ remote }) => {
    // Only the tab that decided tells the others; the message carries nothing: they read the cookie.
    if (!remote) open()?.postMessage(1);
  });
  return () => {
    stopped = true;
    unsubscribe();
    channel?.close();
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('pageshow', onShow);
  };
}
