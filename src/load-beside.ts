/**
 * Loads a script-tag bundle that ships beside `self` (the bundle running now: the gate, or the UI
 * bundle), with `self`'s nonce (strict CSP) and `crossorigin`, and, when `self` was loaded with
 * `integrity` (SRI, e.g. from a CDN), the sibling's own hash, which the build writes into `self`.
 * So the one integrity attribute on the gate covers every file.
 */
export function loadBeside(self: HTMLScriptElement, file: string, integrity: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(file, self.src).href;
    if (self.nonce) script.nonce = self.nonce;
    if (self.crossOrigin != null) script.crossOrigin = self.crossOrigin;
    if (self.integrity && integrity) script.integrity = integrity;
    script.onload = () => resolve();
    script.onerror = () => {
      console.error(`consent-gate: could not load ${script.src}: it must sit beside this script, from the same version.`);
      reject(new Error(script.src));
    };
    document.head.append(script);
  });
}
