/**
 * Elements built with the DOM's own methods, for the elements drawn without Lit: the banner's
 * first layer (`<consent-banner>`, which the script tag's core carries) and `<consent-embed>`
 * (whose script-tag bundle is apart from Lit's). Text goes in as text nodes, never as markup, so
 * a catalogue's strings cannot add elements or attributes.
 */

// On a server (Node: no DOM) the class still defines, over a stand-in, so importing an element
// never throws; Lit's elements do the same with its shim.
const BaseElement = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * A custom element that draws itself as a Lit element would: `requestUpdate()` draws it (`draw()`)
 * after the current task's microtasks, many changes making one drawing; `updateComplete` resolves
 * once what was asked for is drawn; a change of an observed attribute asks for a drawing. It draws
 * only while in the document (a framework builds elements off the page and sets their attributes
 * first); the subclass asks for a drawing when connected.
 */
export abstract class DrawnElement extends BaseElement {
  private _pending?: Promise<void>;

  /** Draws the element after the current task's microtasks (if it is then in the document). */
  requestUpdate(): void {
    this._pending ??= Promise.resolve().then(() => {
      this._pending = undefined;
      if (this.isConnected) this.draw();
    });
  }

  /** Resolves once what was asked for is drawn. */
  get updateComplete(): Promise<boolean> {
    return (this._pending ?? Promise.resolve()).then(() => true);
  }

  attributeChangedCallback(): void {
    this.requestUpdate();
  }

  /**
   * Properties set on the element before it was defined are own properties hiding the class's
   * accessors: takes them off and sets them again through the accessors.
   */
  protected upgradeProperties(names: readonly string[]): void {
    for (const name of names) {
      const own = Object.getOwnPropertyDescriptor(this, name);
      if (!own) continue;
      delete (this as Record<string, unknown>)[name];
      (this as Record<string, unknown>)[name] = own.value;
    }
  }

  /** Draws the element as it now is. */
  protected abstract draw(): void;
}

/** What an element holds: nodes, text, and nothing (`false`, `undefined`, `''`), nested in lists. */
export type Content = Node | string | false | undefined | Content[];

/**
 * `<tag>` with `attributes` (a string value sets the attribute, `true` sets it empty, `false` or
 * undefined leaves it out), `onClick` as its click handler, and `content`.
 */
export function h(
  tag: string,
  attributes: Record<string, string | boolean | undefined>,
  content: Content = [],
  onClick?: (event: Event) => void,
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== false && value !== undefined) element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...flat(content));
  // A property, not a listener, so `morph` can hand it on (and not an attribute: no inline script).
  if (onClick) element.onclick = onClick;
  return element;
}

const flat = (content: Content): (Node | string)[] =>
  Array.isArray(content) ? content.flatMap(flat) : content ? [content] : [];

/** The same control: same tag, same `part` and `class` (Accept is never turned into Hide). */
const same = (a: Element, b: Element) =>
  a.tagName === b.tagName && a.getAttribute('part') === b.getAttribute('part') && a.className === b.className;

/**
 * Gives `old` the attributes of `next`, changing only those that differ from `before`'s (its
 * children left alone). `before` is `old` itself (`morph`), or a copy of what was last drawn on it,
 * so that attributes others put on `old` stay (`<consent-embed>`'s content).
 */
export function morphAttributes(old: Element, next: Element, before: Element = old): void {
  for (const { name } of [...before.attributes]) if (!next.hasAttribute(name)) old.removeAttribute(name);
  for (const { name, value } of next.attributes) if (before.getAttribute(name) !== value) old.setAttribute(name, value);
}

/**
 * Makes `old` (in the page) read as `next` (just built), changing only what differs, as Lit does
 * for a template drawn again: an element that stays the same control keeps its identity, so focus
 * stays on it and a reference to it (the control that opened the dialog) still holds; one that
 * became another control is replaced. Returns the node now in the page.
 */
export function morph(old: Node, next: Node): Node {
  if (old instanceof Text && next instanceof Text) {
    if (old.data !== next.data) old.data = next.data;
    return old;
  }
  if (!(old instanceof HTMLElement && next instanceof HTMLElement && same(old, next))) {
    (old as ChildNode).replaceWith(next);
    return next;
  }
  morphAttributes(old, next);
  old.onclick = next.onclick;
  const now = [...old.childNodes];
  const wanted = [...next.childNodes];
  wanted.forEach((child, i) => (now[i] ? morph(now[i], child) : old.append(child)));
  for (const extra of now.slice(wanted.length)) extra.remove();
  return old;
}
