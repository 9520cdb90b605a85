import type { CSSResult } from 'lit';

const adopted = new WeakSet<CSSResult>();

/**
 * Adds a stylesheet to the document once, as a constructed stylesheet: no <style> element and
 * no inline styles, so it works under a CSP without 'unsafe-inline'.
 */
export function adoptDocumentStyles(styles: CSSResult): void {
  if (adopted.has(styles)) return;
  adopted.add(styles);
  const sheet = styles.styleSheet;
  if (sheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
