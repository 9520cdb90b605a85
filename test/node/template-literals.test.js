// The build's shrinking of Lit's css/html template text (scripts/template-literals.js), on a
// sample of what our stylesheets hold: every line stays where it was (the build leaves source maps
// as they are), and what must survive does — quoted strings, descendant combinators before
// `:is()` and `.x`, `calc()` and `/` values, attribute selectors, no-break spaces. (The built
// stylesheets themselves are exercised by the e2e layout, keyboard and axe tests.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shrinkCss, shrinkHtml } from '../../scripts/template-literals.js';

const CSS = `
  :is(a, #\\#) .cg-table :is(th, td):first-child,
  x > y {
    /* a comment with the visitor's apostrophe,
       over two lines */
    content: "a,  b; c";
    font: 400 var(--f, medium) / 1.5 'Segoe UI', sans-serif;

    width: calc(100% - 1em);
  }
  [placement='top  x'] .cg-banner { inset: auto 0 0 0; }
`;

describe('shrinking template text', () => {
  it('keeps every line of CSS where it was, and its strings, combinators and values as written', () => {
    const out = shrinkCss(CSS);
    assert.equal(out.split('\n').length, CSS.split('\n').length);
    assert.ok(out.length < CSS.length - 60, `shrunk ${CSS.length} → ${out.length}`);
    for (const kept of ['"a,  b; c"', "'Segoe UI'", "[placement='top  x']", 'calc(100% - 1em)', ' :is(th,td):first-child', ' .cg-table', ' .cg-banner', '/ 1.5']) {
      assert.ok(out.includes(kept), `${kept} in ${JSON.stringify(out)}`);
    }
    assert.ok(!out.includes('comment'), 'comments go');
  });

  it('collapses HTML white space to one space or the line breaks it held, never a no-break space', () => {
    const html = '<p class="cg-text">\n      ${x}\u00a0and  more\n\n    </p>';
    const out = shrinkHtml(html);
    assert.equal(out, '<p class="cg-text">\n${x}\u00a0and more\n\n</p>');
  });
});
