/**
 * Keeps a fixed bar from hiding what the visitor is on (WCAG 2.4.11 Focus Not Obscured): while the
 * bar is shown, the document reserves its height at the bottom, as `scroll-padding-bottom` (the
 * browser scrolls a focused element above the bar) and as `padding-bottom` (the end of the page can
 * still be scrolled clear of it). Neither moves anything already laid out, so there is no layout
 * shift. A constructed stylesheet, so it works under a strict CSP and leaves the page's own
 * `<html>` attributes alone.
 */
let sheet: CSSStyleSheet | undefined;

export function reserveBottom(pixels: number): void {
  if (!sheet) {
    if (!pixels) return;
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(pixels ? `html{scroll-padding-bottom:${pixels}px;padding-bottom:${pixels}px}` : '');
}
