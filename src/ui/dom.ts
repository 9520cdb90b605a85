/**
 * Elements built with the DOM's own methods, for the banner's first layer (`<consent-banner>`),
 * which the script tag's core draws without Lit (see consent-banner.ts). Text goes in as text
 * nodes, never as markup, so a catalogue's strings cannot add elements or attributes.
 */

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
  for (const { name } of [...old.attributes]) if (!next.hasAttribute(name)) old.removeAttribute(name);
  for (const { name, value } of next.attributes) if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  old.onclick = next.onclick;
  const now = [...old.childNodes];
  const wanted = [...next.childNodes];
  wanted.forEach((child, i) => (now[i] ? morph(now[i], child) : old.append(child)));
  for (const extra of now.slice(wanted.length)) extra.remove();
  return old;
}
