/**
 * A stylesheet's text: what Lit's `css` makes (a `CSSResult`) and what `css` below makes, for
 * stylesheets the banner's first layer adopts without Lit (the script tag's core carries no Lit).
 */
export interface Styles {
  readonly cssText: string;
}

/**
 * `css` without Lit: the template's text with the values (other `Styles`, or strings) in place.
 * Named `css` so the build shrinks its text as it does Lit's (scripts/template-literals.js).
 */
export const css = (strings: TemplateStringsArray, ...values: (Styles | string)[]): Styles => ({
  cssText: strings.reduce((text, part, i) => text + (values[i - 1] as Styles).cssText + part),
});

/** Text a stylesheet can use as a value of `css` (as Lit's `unsafeCSS`): a selector, say. */
export const rawCSS = (cssText: string): Styles => ({ cssText });

const adopted = new WeakSet<Styles>();

/**
 * Adds a stylesheet to the document once, as a constructed stylesheet: no <style> element and
 * no inline styles, so it works under a CSP without 'unsafe-inline'.
 */
export function adoptDocumentStyles(styles: Styles): void {
  if (adopted.has(styles)) return;
  adopted.add(styles);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles.cssText);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
