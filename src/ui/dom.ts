/**
 * Elements built with the DOM's own methods, for the banner's first layer (`<consent-banner>`),
 * which the script tag's core draws without Lit (see consent-banner.ts). Text goes in as text
 * nodes, never as markup, so a catalogue's strings cannot add elements or attributes.
 */

/** What an element holds: nodes, text, and nothing (`false`, `undefined`, `''`), nested in lists. */
export type Content = Node | string | false | undefined | Content[];

/**
 * `<tag>` with `attributes` (a string value sets the attribute, `true` sets it empty, `false` or
 * undefined leaves it out), `onClick` as its click listener, and `content`.
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
  if (onClick) element.addEventListener('click', onClick);
  return element;
}

const flat = (content: Content): (Node | string)[] =>
  Array.isArray(content) ? content.flatMap(flat) : content ? [content] : [];
