/**
 * A rollup plugin that shrinks the static text of Lit's `css` and `html` tagged templates in our
 * own modules: terser leaves template text as written, indentation and comments included, and that
 * text is most of the banner's stylesheet and markup. Only what the browser would ignore goes:
 *
 * - `css`: comments; spaces around `{`, `}`, `;`, `,` and after `:`; other runs of spaces become
 *   one (a space before `:is(…)` or `.x` is a descendant combinator and stays);
 * - `html`: runs of spaces become one (HTML collapses them the same way; no template of ours has
 *   `<pre>` or `<textarea>`, where it would not, nor an attribute value whose spaces matter).
 *
 * Quoted CSS strings are left as written. A run that held line breaks keeps them (a `\n` costs
 * what a space does), so every line stays where it was and the source maps stay right without
 * being rewritten (`map: null`: nothing moved across lines). Interpolations (`${…}`) are
 * untouched: each static part is shrunk on its own, and a space at its edge, next to an
 * interpolation, is kept.
 */
const TAGS = new Set(['css', 'html', 'svg']);

// CSS and HTML white space: not `\s`, which would also turn a no-break space into a plain one.
const SPACE = '[ \\t\\n\\r\\f]';
const RUN = new RegExp(`${SPACE}+`, 'g');
const LEADING = new RegExp(`^${SPACE}`);
const TRAILING = new RegExp(`${SPACE}$`);

/** `run` as its line breaks (one space's worth of bytes each), or `inner` when it has none. */
const keepLines = (run, inner) => (run.includes('\n') ? '\n'.repeat(run.split('\n').length - 1) : inner);

/** CSS outside its quoted strings (`content: "a, b"`, `'Segoe UI'` stay as written). */
const outsideStrings = (text, shrink) =>
  text
    .split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/)
    .map((part, i) => (i % 2 ? part : shrink(part)))
    .join('');

export function shrinkCss(text) {
  // Comments first (an apostrophe in one is not a string), keeping their line breaks.
  const uncommented = text.replace(/\/\*[\s\S]*?\*\//g, (comment) => '\n'.repeat(comment.split('\n').length - 1));
  return outsideStrings(uncommented, (css) =>
    css
      .replace(new RegExp(`${SPACE}*([{};,])${SPACE}*`, 'g'), (run, mark) => mark + keepLines(run, ''))
      .replace(/:[ \t]+/g, ':')
      .replace(RUN, (run) => keepLines(run, ' ')),
  );
}

export function shrinkHtml(text) {
  return text.replace(RUN, (run) => keepLines(run, ' '));
}

/** Every node under `node` (an ESTree AST). */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) yield* nodes(item);
    else if (value && typeof value === 'object') yield* nodes(value);
  }
}

export const templateLiterals = () => ({
  name: 'consent-gate:template-literals',
  transform(code, id) {
    if (id.includes('node_modules') || !/\b(css|html|svg)\s*`/.test(code)) return null;
    const edits = [];
    for (const node of nodes(this.parse(code))) {
      if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) continue;
      const shrink = node.tag.name === 'css' ? shrinkCss : shrinkHtml;
      const { quasis } = node.quasi;
      quasis.forEach((quasi, i) => {
        const raw = code.slice(quasi.start, quasi.end);
        let text = shrink(raw);
        // Next to an interpolation, a space may be a combinator or a word break: keep one.
        if (i > 0 && LEADING.test(raw) && !LEADING.test(text)) text = ` ${text}`;
        if (i < quasis.length - 1 && TRAILING.test(raw) && !TRAILING.test(text)) text = `${text} `;
        if (text !== raw) edits.push([quasi.start, quasi.end, text]);
      });
    }
    if (!edits.length) return null;
    let out = '';
    let at = 0;
    for (const [start, end, text] of edits.sort((a, b) => a[0] - b[0])) {
      out += code.slice(at, start) + text;
      at = end;
    }
    return { code: out + code.slice(at), map: null };
  },
});
