/**
 * A rollup plugin that shrinks the static text of Lit's `css` and `html` tagged templates in our
 * own modules: terser leaves template text as written, indentation and comments included, and that
 * text is most of the banner's stylesheet and markup. Only what the browser would ignore goes:
 *
 * - `css`: comments; spaces around `{`, `}`, `;`, `,` and after `:`; other runs of spaces become
 *   one (a space before `:is(…)` or `.x` is a descendant combinator and stays);
 * - `html`: runs of spaces become one (HTML collapses them the same way; no template of ours has
 *   `<pre>` or `<textarea>`, where it would not).
 *
 * A run that held a line break keeps one (`\n` costs what a space does), so every line stays where
 * it was and the source maps stay right without being rewritten (`map: null`: nothing moved
 * across lines). Interpolations (`${…}`) are untouched: each static part is shrunk on its own, and
 * a space at its edge, next to an interpolation, is kept.
 */
const TAGS = new Set(['css', 'html', 'svg']);

/** One whitespace run: a line break when it held one, else `inner`. */
const keepLine = (run, inner) => (run.includes('\n') ? '\n' : inner);

export function shrinkCss(text) {
  return (
    text
      // Comments, keeping their line breaks.
      .replace(/\/\*[\s\S]*?\*\//g, (comment) => '\n'.repeat((comment.match(/\n/g) ?? []).length))
      .replace(/\s*([{};,])\s*/g, (run, mark) => (run.includes('\n') ? `${mark}\n` : mark))
      .replace(/:[ \t]+/g, ':')
      .replace(/\s+/g, (run) => keepLine(run, ' '))
  );
}

export function shrinkHtml(text) {
  return text.replace(/\s+/g, (run) => keepLine(run, ' '));
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
        if (i > 0 && /^\s/.test(raw) && !/^\s/.test(text)) text = ` ${text}`;
        if (i < quasis.length - 1 && /\s$/.test(raw) && !/\s$/.test(text)) text = `${text} `;
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
