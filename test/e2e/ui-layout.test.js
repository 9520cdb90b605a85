// What the banner and the dialog look like to the visitor, measured in the page: Accept and Reject
// identical; every control at least 24×24 px; reflow at 320 px; 200% text and the WCAG text-spacing
// overrides clip nothing; a fixed bar that never hides the focused element and shifts no layout;
// immune to a hostile page stylesheet; reachable from the light DOM by privacy tools.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../support/server.js';
import { CY, EN, bannerButton, consentCookie, dialog, openPreferences, region, startDemo, visit } from './ui-support.js';

let env;
let server;
before(async () => {
  env = await startDemo();
  server = await startTestServer();
});
after(async () => {
  await env?.close();
  await server?.close();
});

/** Accept's and Reject's computed styles that must match, and each one's text contrast. */
function pairStyles() {
  const lum = (rgb) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // While the modal dialog is open the bar behind it is inert: compare the dialog's pair.
  const scope = document.querySelector('consent-banner dialog[open]') ?? document.querySelector('consent-banner .cg-banner');
  return [...scope.querySelectorAll('[data-consent-action]')]
    .filter((b) => b.getClientRects().length)
    .map((b) => {
      const s = getComputedStyle(b);
      const box = b.getBoundingClientRect();
      const keys = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'color', 'backgroundColor', 'borderTopWidth', 'borderTopColor', 'boxShadow', 'paddingTop', 'paddingLeft', 'textDecorationLine'];
      return {
        action: b.dataset.consentAction,
        style: Object.fromEntries(keys.map((k) => [k, s[k]])),
        height: Math.round(box.height),
        width: Math.round(box.width),
        top: Math.round(box.top),
        contrast: contrast(s.color, s.backgroundColor),
      };
    });
}

/** Every control in the banner and the open dialog whose box is smaller than 24×24 px. */
function smallTargets() {
  return [...document.querySelectorAll('consent-banner :is(button, a[href], input, summary)')]
    .filter((el) => el.getClientRects().length)
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 24 || box.height < 24)
    .map(({ el, box }) => `${el.tagName} "${el.textContent.trim() || el.value}" ${box.width}×${box.height}`);
}

/**
 * Anything cut off: the page scrolls sideways (`wholePage`), part of the banner or dialog is beyond
 * the viewport's sides, a control cannot be scrolled fully into view, or a block's text overflows
 * its box.
 */
function clipped(wholePage) {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (wholePage && document.documentElement.scrollWidth > width) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  const all = [...document.querySelectorAll('consent-banner *')].filter((el) => el.getClientRects().length);
  for (const el of all) {
    const s = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.left < -1 || box.right > width + 1) problems.push(`${el.tagName}.${el.className} is beyond the viewport's side: ${box.left}–${box.right}`);
    if (s.display === 'inline') continue;
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !['auto', 'scroll'].includes(s.overflowX))
      problems.push(`${el.tagName}.${el.className} overflows sideways: ${el.scrollWidth} > ${el.clientWidth}`);
  }
  for (const el of all.filter((e) => e.matches('button, a[href], input, summary, legend, label'))) {
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const box = el.getBoundingClientRect();
    if (box.left < -1 || box.right > width + 1 || box.top < -1 || box.bottom > innerHeight + 1)
      problems.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" cannot be brought into view: ${JSON.stringify(box)}`);
    if (el.tagName === 'BUTTON' && el.scrollHeight > el.clientHeight + 1) problems.push(`button "${el.textContent.trim()}" text is cut off`);
  }
  return problems;
}

const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

describe('Accept and Reject are the same', () => {
  for (const lang of [EN, CY]) {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [1280, 320]) {
        it(`${lang === EN ? 'English' : 'Welsh'}, ${colorScheme}, ${width} px: banner and dialog`, async () => {
          const { context, page } = await env.open();
          await page.setViewportSize({ width, height: 800 });
          await page.emulateMedia({ colorScheme });
          await visit(page, env.demo.siteUrl + lang.path, lang);
          for (const state of ['banner', 'dialog']) {
            if (state === 'dialog') await openPreferences(page, lang);
            const [accept, reject, ...rest] = await page.evaluate(pairStyles);
            assert.equal(rest.length, 0);
            assert.deepEqual([accept.action, reject.action], ['accept', 'reject']);
            assert.deepEqual(reject.style, accept.style, `${state}: same font, colours, border and padding`);
            assert.equal(reject.height, accept.height, `${state}: same height`);
            assert.equal(reject.width, accept.width, `${state}: same width`);
            if (width === 1280) assert.equal(reject.top, accept.top, `${state}: same row`);
            assert.ok(accept.contrast >= 4.5, `${state}: contrast ${accept.contrast.toFixed(2)}`);
          }
          await context.close();
        });
      }
    }
  }
});

describe('targets, reflow, text size and spacing', () => {
  it('every control is at least 24×24 px: question, dialog, confirmation, English and Welsh', async () => {
    for (const lang of [EN, CY]) {
      const { context, page } = await env.open();
      await visit(page, env.demo.siteUrl + lang.path, lang);
      assert.deepEqual(await page.evaluate(smallTargets), [], 'question');
      await openPreferences(page, lang);
      assert.deepEqual(await page.evaluate(smallTargets), [], 'dialog');
      await dialog(page, lang).getByRole('button', { name: lang.reject }).click();
      await page.getByText(lang.rejected).waitFor();
      assert.deepEqual(await page.evaluate(smallTargets), [], 'confirmation');
      await context.close();
    }
  });

  const conditions = {
    'at 320 px wide (reflow)': async (page) => page.setViewportSize({ width: 320, height: 640 }),
    'at 200% text (browser font size 32 px)': async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    },
    'at 200% text and 640 px wide': async (page) => {
      await page.setViewportSize({ width: 640, height: 720 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    },
    'with the WCAG text-spacing overrides at 320 px': async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.addStyleTag({ content: TEXT_SPACING });
    },
  };
  for (const [name, apply] of Object.entries(conditions)) {
    for (const lang of [EN, CY]) {
      it(`${name}, ${lang === EN ? 'English' : 'Welsh'}: nothing clipped, no sideways scroll`, async () => {
        const { context, page } = await env.open();
        await page.goto(env.demo.siteUrl + lang.path);
        await apply(page);
        await bannerButton(page, lang.reject, lang).waitFor();
        const fontSize = await region(page, lang).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        if (name.includes('200%')) assert.equal(fontSize, 32, 'the banner follows the browser text size');
        // The demo's term-dates table (a data table, exempt from reflow) may scroll sideways under
        // the text-spacing overrides; the consent UI itself may not.
        const wholePage = !name.includes('text-spacing');
        assert.deepEqual(await page.evaluate(clipped, wholePage), [], 'question');
        await openPreferences(page, lang);
        assert.deepEqual(await page.evaluate(clipped, wholePage), [], 'dialog');
        await dialog(page, lang).getByRole('button', { name: lang.accept }).click();
        await page.getByText(lang.accepted).waitFor();
        assert.deepEqual(await page.evaluate(clipped, wholePage), [], 'confirmation');
        await context.close();
      });
    }
  }
});

describe('the fixed bar', () => {
  for (const [path, viewport] of [
    ['/', { width: 1280, height: 800 }],
    ['/our-school', { width: 1280, height: 800 }],
    ['/', { width: 375, height: 667 }],
    ['/cy/ein-hysgol', { width: 375, height: 667 }],
  ]) {
    it(`never hides the focused element: Tab through the whole of ${path} at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page } = await env.open();
      await page.setViewportSize(viewport);
      const lang = path.startsWith('/cy') ? CY : EN;
      await visit(page, env.demo.siteUrl + path, lang);
      const covered = [];
      let steps = 0;
      for (; steps < 200; steps++) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(async () => {
          // The demo scrolls smoothly: wait until the page has stopped moving.
          await new Promise((resolve) => {
            let last = scrollY;
            let still = 0;
            const tick = () => {
              if (scrollY === last) still++;
              else [last, still] = [scrollY, 0];
              if (still >= 3) resolve();
              else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          });
          const el = document.activeElement;
          const bar = document.querySelector('consent-banner .cg-banner').getBoundingClientRect();
          if (!el || el === document.body) return { done: true };
          const inBanner = !!el.closest('consent-banner');
          const r = el.getBoundingClientRect();
          return {
            inBanner,
            name: `${el.tagName} ${(el.textContent || '').trim().slice(0, 40)}`,
            // Some of it visible above the bar (fully covered = nothing above the bar's top edge).
            fullyCovered: !inBanner && r.top >= bar.top - 0.5,
            partlyCovered: !inBanner && r.bottom > bar.top + 0.5,
            first: inBanner && el.dataset.consentAction === 'accept',
          };
        });
        if (state.done) break;
        if (steps > 0 && state.first) break; // back round to the banner
        if (state.fullyCovered || state.partlyCovered) covered.push(`${state.name}${state.fullyCovered ? ' (fully)' : ''}`);
      }
      assert.ok(steps > 10, `tabbed through ${steps} elements`);
      assert.deepEqual(covered, [], 'focused elements under the bar');
      await context.close();
    });
  }

  it('causes no layout shift, and nothing is recorded by scrolling, clicking the page, Escape or waiting', async () => {
    const { context, page } = await env.open({
      initScript: () => {
        window.__shifts = [];
        // Each shift with what moved, so a failure says which element shifted.
        new PerformanceObserver((list) =>
          window.__shifts.push(
            ...list.getEntries().map((e) => ({
              value: e.value,
              at: Math.round(e.startTime),
              moved: e.sources.map((s) => (s.node?.nodeName ?? '?') + (s.node?.className ? '.' + s.node.className : '') + ` ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`),
            })),
          ),
        ).observe({ type: 'layout-shift', buffered: true });
      },
    });
    await visit(page, env.demo.siteUrl + '/');
    await page.mouse.wheel(0, 1500);
    await page.getByRole('heading', { name: 'Term dates' }).click();
    await page.keyboard.press('Escape');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
    assert.equal(await consentCookie(context), undefined);
    assert.equal(await bannerButton(page, EN.reject).isVisible(), true);
    await page.goto(env.demo.siteUrl + '/our-school');
    await bannerButton(page, EN.reject).waitFor();
    assert.equal(await consentCookie(context), undefined, 'navigating is not consent');
    await context.close();
  });
});

describe('forced colours and reduced motion', () => {
  it('in forced colours (Windows high contrast) the bar, the dialog and every button keep a visible border', async () => {
    const { context, page } = await env.open();
    await page.emulateMedia({ forcedColors: 'active' });
    await visit(page, env.demo.siteUrl + '/');
    const borders = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('consent-banner :is(.cg-banner, dialog[open], dialog[open] button, .cg-banner:not([data-behind-dialog]) button)')].map((el) => {
          const s = getComputedStyle(el);
          const sides = el.matches('.cg-banner') ? ['Top'] : ['Top', 'Right', 'Bottom', 'Left'];
          return { el: `${el.tagName} ${el.textContent.trim().slice(0, 20)}`, ok: sides.every((side) => parseFloat(s[`border${side}Width`]) >= 1 && s[`border${side}Style`] !== 'none') };
        }),
      );
    const question = await borders();
    assert.ok(question.length >= 4);
    assert.deepEqual(question.filter((b) => !b.ok), []);
    await openPreferences(page);
    const inDialog = await borders();
    assert.ok(inDialog.length >= 4);
    assert.deepEqual(inDialog.filter((b) => !b.ok), []);
    await context.close();
  });

  it('nothing in the banner or the dialog moves: no transition, no animation', async () => {
    const { context, page } = await env.open();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await visit(page, env.demo.siteUrl + '/');
    await openPreferences(page);
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('consent-banner, consent-banner *')]
        .map((el) => ({ el, s: getComputedStyle(el) }))
        .filter(({ s }) => s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0))
        .map(({ el }) => el.tagName),
    );
    assert.deepEqual(moving, []);
    await context.close();
  });
});

describe('placement="top"', () => {
  it('sits in the page flow before the content, first in the tab order, with nothing reserved', async () => {
    const { context, page } = await env.open();
    await visit(page, server.origin() + '/test/e2e/pages/ui-top.html', { ...EN, region: 'Cookies on Test Primary School' });
    const layout = await page.evaluate(() => ({
      position: getComputedStyle(document.querySelector('consent-banner .cg-banner')).position,
      bannerBottom: document.querySelector('consent-banner').getBoundingClientRect().bottom,
      mainTop: document.querySelector('main').getBoundingClientRect().top,
      padding: getComputedStyle(document.documentElement).paddingBottom,
    }));
    assert.equal(layout.position, 'static');
    assert.ok(layout.mainTop >= layout.bannerBottom, JSON.stringify(layout));
    assert.equal(layout.padding, '0px');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.consentAction), 'accept');
    await context.close();
  });
});

describe('a hostile page stylesheet', () => {
  const PROPS = ['fontFamily', 'fontSize', 'fontStyle', 'fontWeight', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textTransform', 'textIndent', 'textAlign', 'textShadow', 'color', 'backgroundColor', 'display', 'position', 'float', 'top', 'marginTop', 'marginLeft', 'paddingTop', 'paddingLeft', 'borderTopWidth', 'borderTopStyle', 'borderTopColor', 'borderTopLeftRadius', 'boxSizing', 'width', 'height', 'maxWidth', 'outlineStyle', 'appearance', 'textDecorationLine'];

  /** Computed styles of every element of the banner/dialog, with the page's stylesheet on or off. */
  async function snapshot(page, hostile) {
    return page.evaluate(
      ({ hostile, PROPS }) => {
        document.getElementById('hostile').disabled = !hostile;
        return [...document.querySelectorAll('consent-banner, consent-banner *')].map((el) => {
          const s = getComputedStyle(el);
          const before = getComputedStyle(el, '::before').content;
          return `${el.tagName}.${el.className}: ${PROPS.map((p) => `${p}=${s[p]}`).join('; ')}; ::before=${before}`;
        });
      },
      { hostile, PROPS },
    );
  }

  it('restyling button, p, h2, a, input, label, * and body changes nothing in the banner or the dialog', async () => {
    const { context, page } = await env.open();
    await visit(page, server.origin() + '/test/e2e/pages/ui-hostile.html', { ...EN, region: 'Cookies on Test Primary School' });
    // The stylesheet does bite the page itself.
    assert.equal(await page.locator('main p').evaluate((p) => getComputedStyle(p).color), 'rgb(255, 0, 255)');
    for (const state of ['question', 'dialog', 'confirmation']) {
      if (state === 'dialog') {
        await page.getByRole('button', { name: EN.choose }).click();
        // The dialog's questions come with the elements bundle, fetched when it first opens.
        await dialog(page).getByRole('button', { name: EN.save }).waitFor();
        for (const summary of await dialog(page).locator('summary').all()) await summary.click();
      }
      if (state === 'confirmation') {
        await dialog(page).getByRole('button', { name: EN.save }).click();
        await page.getByText("You've set your cookie preferences.").waitFor();
      }
      const plain = await snapshot(page, false);
      const hostile = await snapshot(page, true);
      assert.ok(plain.length > 5);
      const differences = hostile.filter((line, i) => line !== plain[i]).map((line, i) => `hostile: ${line}\n  plain: ${plain[hostile.indexOf(line)]}`);
      assert.deepEqual(differences, [], state);
    }
    await context.close();
  });
});

describe('privacy tools that answer banners', () => {
  it('find the banner text and its Reject button in the light DOM, and pressing it refuses', async () => {
    const { context, page } = await env.open();
    await visit(page, env.demo.siteUrl + '/');
    // What DuckDuckGo's cookie pop-up protection does: a fixed or dialog element in the light DOM
    // whose text talks about cookies, then its Reject button.
    const found = await page.evaluate(() => {
      const host = document.querySelector('consent-banner');
      const popup = [...document.body.querySelectorAll('*')].find(
        (el) => getComputedStyle(el).position === 'fixed' && /cookies/i.test(el.innerText),
      );
      const reject = [...popup.querySelectorAll('button')].find((b) => /^reject/i.test(b.innerText.trim()));
      const result = { nosnippet: host.hasAttribute('data-nosnippet'), hostText: host.innerText.includes('Cookies on'), shadow: !!host.shadowRoot, reject: !!reject };
      reject.click();
      return result;
    });
    assert.deepEqual(found, { nosnippet: true, hostText: true, shadow: false, reject: true });
    await page.getByText(EN.rejected).waitFor();
    const { c } = await consentCookie(context);
    assert.deepEqual([c.analytics, c.embeds, c.polls], [0, 0, 0]);
    await context.close();
  });
});
