// <consent-embed> on a whole page, as a tracker sees it: every request to a host other than the
// site is recorded (and answered by the demo's stand-ins for YouTube, Facebook, X and Slido).
// Before consent nothing reaches a provider; "Play video" loads that one video and nothing else;
// "Always allow" holds across a reload; withdrawing brings the placeholders back and deletes the
// cookies; embeds added later work; and nothing on the page moves when an embed loads.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestSite, openContext, siteCookieNames } from '../support/page.js';
import { consentCookie } from './ui-support.js';

/** Every provider host an embed could reach. */
const PROVIDERS = /(^|\.)(youtube(-nocookie)?\.com|youtu\.be|ytimg\.com|googlevideo\.com|facebook\.(com|net)|fbcdn\.net|twitter\.com|x\.com|twimg\.com|sli\.do)$/;

// The test server and one browser, shared by this file's tests.
const env = useTestSite();

const PAGE = '/test/e2e/pages/embeds.html';
const hosts = (urls) => [...new Set(urls.map((u) => new URL(u).hostname))].sort();
const embed = (page, id) => page.locator(`consent-embed#${id}`);
/** The placeholder a visitor sees (not the one kept, hidden, under loaded content). */
const placeholder = (page, id) => embed(page, id).locator('.cg-placeholder:not([data-covered])');
const banner = (page) => page.getByRole('region', { name: 'Cookies on Test Primary School' });

/** Opens the page and waits for every placeholder and the banner's question. */
async function visit(session, path = PAGE) {
  await session.page.goto(env.server.origin() + path);
  await session.page.locator('consent-embed .cg-placeholder').nth(4).waitFor();
}

/** Waits until the page has made no request for a while (nothing still to come). */
const settled = (page) => page.waitForLoadState('networkidle');

describe('<consent-embed>: what providers receive', () => {
  it('before a choice, and after Reject, no request reaches any provider; the fallback link is replaced', async () => {
    const session = await openContext(env.browser);
    const { page, thirdParty, context } = session;
    await visit(session);
    await settled(page);
    assert.deepEqual(thirdParty, []);
    assert.equal(await page.locator('iframe, img').count(), 0);
    assert.equal(await page.locator('script[src*="facebook"], script[src*="twitter"]').count(), 0);
    assert.equal(await embed(page, 'video-1').getByRole('link', { name: 'Watch ‘Sports day 2026’ on YouTube' }).count(), 1, 'one link: the placeholder’s');
    for (const id of ['video-1', 'video-2', 'facebook', 'twitter', 'slido']) await placeholder(page, id).waitFor();

    await banner(page).getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.getByText("You've rejected additional cookies.").waitFor();
    await page.reload();
    await page.locator('consent-embed .cg-placeholder').nth(4).waitFor();
    await settled(page);
    assert.deepEqual(thirdParty.filter((u) => PROVIDERS.test(new URL(u).hostname)), []);
    assert.deepEqual(await siteCookieNames(context), ['cookie_preferences']);
    await context.close();
  });

  it('"Play video" loads that video only, through youtube-nocookie.com, and stores nothing; the next page view asks again', async () => {
    const session = await openContext(env.browser);
    const { page, thirdParty, context } = session;
    await visit(session);
    const loads = [];
    await page.exposeFunction('recordLoad', (detail) => loads.push(detail));
    await page.evaluate(() => document.addEventListener('consent-embed-load', (e) => window.recordLoad(`${e.service} once=${e.once}`)));
    await embed(page, 'video-1').getByRole('button', { name: 'Play video' }).click();
    const frame = page.frameLocator('consent-embed#video-1 iframe');
    await frame.locator('body[data-stand-in="youtube"]').waitFor();
    await settled(page);
    assert.deepEqual(thirdParty, ['https://www.youtube-nocookie.com/embed/abc123?autoplay=1']);
    assert.deepEqual(loads, ['youtube once=true']);
    assert.equal(await page.locator('iframe').count(), 1, 'the other video still waits');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME');
    assert.equal(await page.locator('consent-embed#video-1 iframe').getAttribute('title'), 'Sports day 2026');
    assert.equal(await consentCookie(context), undefined, 'a one-off load is not a stored choice');
    assert.equal(await banner(page).isVisible(), true, 'the banner still asks');

    await page.reload();
    await page.locator('consent-embed .cg-placeholder').nth(4).waitFor();
    await settled(page);
    assert.equal(thirdParty.length, 1, 'nothing loads on the next page view');
    await context.close();
  });

  it('"Show posts" loads only that provider’s script and feed; "Join the poll" only the poll', async () => {
    const session = await openContext(env.browser);
    const { page, thirdParty, context } = session;
    await visit(session);
    await embed(page, 'facebook').getByRole('button', { name: 'Show posts' }).click();
    await embed(page, 'facebook').locator('[data-stand-in="facebook"] article').first().waitFor();
    await settled(page);
    assert.deepEqual(hosts(thirdParty), ['connect.facebook.net']);
    assert.ok(thirdParty[0].startsWith('https://connect.facebook.net/en_GB/sdk.js'), thirdParty[0]);
    // The feed has focus, labelled by the embed's title.
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Our Facebook page');

    await embed(page, 'twitter').getByRole('button', { name: 'Show posts' }).click();
    await embed(page, 'twitter').locator('[data-stand-in="twitter"] article').first().waitFor();
    await embed(page, 'slido').getByRole('button', { name: 'Join the poll' }).click();
    await page.frameLocator('consent-embed#slido iframe').locator('body[data-stand-in="slido"]').waitFor();
    assert.deepEqual(hosts(thirdParty), ['app.sli.do', 'connect.facebook.net', 'platform.twitter.com']);
    assert.ok(thirdParty.includes('https://app.sli.do/event/test2026'));
    assert.equal(await page.locator('consent-embed[service="youtube"] iframe').count(), 0);
    // The providers' scripts carry data-consent, so withdrawing the service reloads the page.
    assert.deepEqual(
      await page.evaluate(() => [...document.querySelectorAll('script[data-consent]')].map((s) => s.dataset.consent).sort()),
      ['facebook', 'twitter'],
    );
    await context.close();
  });

  it('"Always allow YouTube" loads every YouTube embed, is stored for that service only (method "embed") and holds across a reload', async () => {
    const session = await openContext(env.browser);
    const { page, thirdParty, context } = session;
    await visit(session);
    await embed(page, 'video-2').getByRole('button', { name: 'Always allow YouTube' }).click();
    await page.frameLocator('consent-embed#video-1 iframe').locator('body[data-stand-in="youtube"]').waitFor();
    await page.frameLocator('consent-embed#video-2 iframe').locator('body[data-stand-in="youtube"]').waitFor();
    const record = await consentCookie(context);
    assert.equal(record.m, 'embed');
    assert.deepEqual(record.s, { youtube: 1 });
    assert.deepEqual(record.c, {}, 'no category answered: the banner still asks');
    assert.equal(await banner(page).isVisible(), true);

    await page.reload();
    await page.frameLocator('consent-embed#video-1 iframe').locator('body[data-stand-in="youtube"]').waitFor();
    await page.frameLocator('consent-embed#video-2 iframe').locator('body[data-stand-in="youtube"]').waitFor();
    await settled(page);
    assert.deepEqual(hosts(thirdParty), ['www.youtube-nocookie.com']);
    assert.ok(thirdParty.includes('https://www.youtube-nocookie.com/embed/def456'), 'no autoplay without a press');
    for (const id of ['facebook', 'twitter', 'slido']) await placeholder(page, id).waitFor();
    await context.close();
  });

  it('withdrawing brings the placeholders back and deletes the cookies (the page reloads: a feed script ran)', async () => {
    const session = await openContext(env.browser);
    const { page, thirdParty, context } = session;
    await visit(session);
    await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.frameLocator('consent-embed#video-1 iframe').locator('body[data-stand-in="youtube"]').waitFor();
    await embed(page, 'facebook').locator('[data-stand-in="facebook"] article').first().waitFor();
    await embed(page, 'twitter').locator('[data-stand-in="twitter"] article').first().waitFor();
    await page.frameLocator('consent-embed#slido iframe').locator('body[data-stand-in="slido"]').waitFor();
    await page.waitForFunction(() => document.cookie.includes('_fbp='));

    // The poll first: an iframe unloads without a reload.
    await page.evaluate(() => (window.__samePage = true));
    await page.evaluate(() => window.consentGate.update({ polls: false }, 'preferences'));
    await placeholder(page, 'slido').waitFor();
    assert.equal(await page.locator('consent-embed#slido iframe').count(), 0);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'no reload for an iframe');

    // Then embeds, from the preferences dialog: the Facebook and X scripts cannot be unloaded.
    await page.getByRole('link', { name: 'Cookie settings', exact: true }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await dialog.getByRole('group', { name: 'Do you want to accept cookies from videos and social media posts?' }).getByRole('radio', { name: 'No' }).check();
    const reloaded = page.waitForEvent('load');
    await dialog.getByRole('button', { name: 'Save cookie settings' }).click();
    await reloaded;
    await page.locator('consent-embed .cg-placeholder').nth(4).waitFor();
    const requestsBefore = thirdParty.length;
    await settled(page);
    assert.equal(thirdParty.length, requestsBefore, 'nothing more reaches a provider');
    assert.equal(await page.locator('iframe').count(), 0);
    assert.equal(await page.evaluate(() => document.cookie.includes('_fbp=')), false, 'the first-party Facebook cookie is deleted');
    assert.ok(!(await siteCookieNames(context)).includes('_fbp'));
    assert.deepEqual((await consentCookie(context)).c, { analytics: 1, embeds: 0, polls: 0 });
    await context.close();
  });

  it('an embed added later works: the gate loads the UI for it', async () => {
    const session = await openContext(env.browser);
    const { page, thirdParty, context } = session;
    await page.goto(env.server.origin() + '/test/e2e/pages/embeds-later.html');
    await banner(page).getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.reload();
    await page.waitForFunction(() => window.consentGate?.record);
    assert.equal(await page.evaluate(() => Boolean(customElements.get('consent-embed'))), false, 'no UI for a returning visitor');
    await page.evaluate(() => {
      const poll = document.createElement('consent-embed');
      poll.setAttribute('service', 'slido');
      poll.setAttribute('src', 'https://app.sli.do/event/late2026');
      poll.setAttribute('title', 'Late poll');
      document.querySelector('main').append(poll);
    });
    await page.getByRole('button', { name: 'Join the poll' }).click();
    await page.frameLocator('consent-embed iframe').locator('body[data-stand-in="slido"]').waitFor();
    assert.deepEqual(thirdParty, ['https://app.sli.do/event/late2026']);
    await context.close();
  });
});

describe('<consent-embed>: no layout shift', () => {
  /**
   * Records every layout shift, even those right after input (which CLS leaves out), with whether
   * each moved something of the page or only the provider's own content inside its fixed box.
   */
  const recordShifts = () => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const nodes = e.sources.map((s) => (s.node?.nodeType === 1 ? s.node : s.node?.parentElement));
        const page = nodes.filter((n) => !n?.closest('consent-embed > .cg-content'));
        if (page.length) window.__shifts.push({ value: e.value, moved: page.map((n) => n?.nodeName ?? '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  };
  const shifts = (page) => page.evaluate(() => window.__shifts);
  const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  /**
   * Clicks, after scrolling the button into view itself: with a cross-site iframe focused, a click
   * Playwright scrolls for can reach that iframe instead (headless Chromium's input routing).
   */
  async function click(button) {
    await button.scrollIntoViewIfNeeded();
    await button.click();
  }

  /** Loads a video by its button, the Facebook feed by its button and the poll by "Always allow". */
  async function loadEach(page) {
    await click(embed(page, 'video-1').getByRole('button', { name: 'Play video' }));
    await page.frameLocator('consent-embed#video-1 iframe').locator('body[data-stand-in="youtube"]').waitFor();
    await click(embed(page, 'facebook').getByRole('button', { name: 'Show posts' }));
    await embed(page, 'facebook').locator('[data-stand-in="facebook"] article').first().waitFor();
    await click(embed(page, 'slido').getByRole('button', { name: 'Always allow Slido' }));
    await page.frameLocator('consent-embed#slido iframe').locator('body[data-stand-in="slido"]').waitFor();
    await frames(page);
  }

  it('at 1280×800: the boxes are reserved before the placeholders are drawn; loading each embed, and a returning visit, move nothing', async () => {
    const session = await openContext(env.browser, { initScript: recordShifts });
    const { page, context } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await visit(session);
    await loadEach(page);
    assert.deepEqual(await shifts(page), [], 'layout shifts on the first visit');
    // A returning visitor: the poll loads with no press at all, into the box reserved for it.
    await page.reload();
    await page.frameLocator('consent-embed#slido iframe').locator('body[data-stand-in="slido"]').waitFor();
    await frames(page);
    assert.deepEqual(await shifts(page), [], 'layout shifts on the next visit');
    await context.close();
  });

  it('at 375×667: loading each embed where its placeholder was, and a returning visit, move nothing', async () => {
    const session = await openContext(env.browser, { initScript: recordShifts });
    const { page, context } = session;
    await page.setViewportSize({ width: 375, height: 667 });
    await visit(session);
    await frames(page);
    // (A placeholder's text may need more than a 16:9 box on a phone; --consent-embed-min-height
    // reserves it. What is measured here is loading.)
    await page.evaluate(() => (window.__shifts = []));
    await loadEach(page);
    assert.deepEqual(await shifts(page), [], 'layout shifts when the embeds load');
    await page.reload();
    await page.frameLocator('consent-embed#slido iframe').locator('body[data-stand-in="slido"]').waitFor();
    await frames(page);
    assert.deepEqual(await shifts(page), [], 'layout shifts on the next visit');
    await context.close();
  });
});
