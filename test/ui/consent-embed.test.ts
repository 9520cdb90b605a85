import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { EmbedLoadEvent } from '../../src/ui/consent-embed/consent-embed.js';
import type { ConsentEmbed } from '../../src/ui/consent-embed/consent-embed.js';
import '../../src/ui/consent-embed/define.js';
import { button, consoleErrors, run, school, stop } from './running.js';

const VIDEO = 'https://www.youtube.com/watch?v=abc123XYZ_-&t=1m30s';

async function embed(template: ReturnType<typeof html>) {
  const root = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const elements = [...root.querySelectorAll('consent-embed')] as ConsentEmbed[];
  for (const el of elements) await el.updateComplete;
  return { root, elements, el: elements[0] };
}

const video = (title = 'Sports day 2026') =>
  html`<consent-embed service="youtube" src=${VIDEO} title=${title}></consent-embed>`;
const placeholder = (el: Element) => el.querySelector('.cg-placeholder:not([data-covered])') as HTMLElement | null;
const frame = (el: Element) => el.querySelector('iframe');

describe('<consent-embed>', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en-GB';
  });
  afterEach(stop);

  describe('before consent', () => {
    it('shows a labelled placeholder: title, provider and cookies, privacy link, Play video, Always allow, and a plain link', async () => {
      run();
      const { el } = await embed(video());
      const group = placeholder(el)!;
      expect(group.getAttribute('role')).to.equal('group');
      expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).to.equal('Sports day 2026');
      expect(group.textContent!.replace(/\s+/g, ' ')).to.include(
        'This video is on YouTube. If you play it here, Google (YouTube) will set cookies on your device.',
      );
      const links = [...group.querySelectorAll('a')].map((a) => [a.textContent!.replace(/\s+/g, ' ').trim(), a.href]);
      expect(links).to.deep.equal([
        ['Google (YouTube) privacy policy (opens in new tab)', 'https://policies.google.com/privacy'],
        ['Watch ‘Sports day 2026’ on YouTube', 'https://www.youtube.com/watch?v=abc123XYZ_-'],
      ]);
      expect([...group.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal([
        'Play video',
        'Always allow YouTube',
      ]);
      await expect(el).to.be.accessible();
    });

    it('loads nothing: no iframe, no script, no image from anyone', async () => {
      run();
      const { root } = await embed(html`
        ${video()}
        <consent-embed service="facebook" src="https://www.facebook.com/OakfieldPrimary" title="Our Facebook page"></consent-embed>
        <consent-embed service="twitter" src="https://x.com/OakfieldPrimary" title="Posts on X"></consent-embed>
        <consent-embed service="slido" src="https://app.sli.do/event/oak2026" title="Parents' evening poll"></consent-embed>
      `);
      expect(root.querySelectorAll('iframe, script, img')).to.have.length(0);
      expect([...document.scripts].filter((s) => /facebook|twitter/.test(s.src))).to.have.length(0);
    });

    it('words the button and the link for the content: posts, a poll, anything else', async () => {
      run({
        ...school(),
        categories: {
          essential: { required: true },
          embeds: { services: ['facebook', 'twitter', 'slido', 'parent-app'] },
        },
        services: {
          facebook: { preset: 'facebook' },
          twitter: { preset: 'twitter' },
          slido: { preset: 'slido' },
          'parent-app': { title: 'Parent app', provider: 'Example Ltd', hosts: ['app.example.com'], cookies: [] },
        },
      });
      const { elements } = await embed(html`
        <consent-embed service="facebook" src="https://www.facebook.com/OakfieldPrimary" title="Our Facebook page"></consent-embed>
        <consent-embed service="twitter" src="https://x.com/OakfieldPrimary" title="Posts on X"></consent-embed>
        <consent-embed service="slido" src="https://app.sli.do/event/oak2026" title="Parents' evening poll"></consent-embed>
        <consent-embed service="parent-app" src="https://app.example.com/news" title="School news"></consent-embed>
      `);
      const words = elements.map((el) => [
        [...el.querySelectorAll('button')].map((b) => b.textContent!.trim()),
        [...el.querySelectorAll('a')].at(-1)!.textContent!.trim(),
      ]);
      expect(words).to.deep.equal([
        [['Show posts', 'Always allow Facebook'], 'Read ‘Our Facebook page’ on Facebook'],
        [['Show posts', 'Always allow X (Twitter)'], 'Read ‘Posts on X’ on X (Twitter)'],
        [['Join the poll', 'Always allow Slido'], "Open ‘Parents' evening poll’ on Slido"],
        [['Show content', 'Always allow Parent app'], 'See ‘School news’ on Parent app'],
      ]);
      expect(elements[3].textContent).to.include('This content is from Parent app. If you show it here, Example Ltd will set cookies');
    });

    it('speaks Welsh on a Welsh page', async () => {
      run();
      const { el } = await embed(html`<div lang="cy">${video('Diwrnod chwaraeon 2026')}</div>`);
      const group = placeholder(el)!;
      expect(group.getAttribute('lang')).to.equal('cy');
      expect(group.textContent!.replace(/\s+/g, ' ')).to.include(
        "Mae'r fideo hwn ar YouTube. Os byddwch chi'n ei chwarae yma, bydd Google (YouTube) yn gosod cwcis ar eich dyfais.",
      );
      expect([...group.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal([
        'Chwarae fideo',
        'Caniatáu YouTube bob amser',
      ]);
      expect(group.textContent).to.include('Gwylio ‘Diwrnod chwaraeon 2026’ ar YouTube');
      await expect(el).to.be.accessible();
    });

    it('shows a poster from this site, and refuses one from anywhere else (that would be a request)', async () => {
      run();
      let elements: ConsentEmbed[] = [];
      const errors = await consoleErrors(async () => {
        ({ elements } = await embed(html`
          <consent-embed service="youtube" src=${VIDEO} title="A" poster="/favicon.ico"></consent-embed>
          <consent-embed service="youtube" src=${VIDEO} title="B" poster="https://i.ytimg.com/vi/abc123XYZ_-/hqdefault.jpg"></consent-embed>
        `));
      });
      const own = elements[0].querySelector('img')!;
      expect(own.getAttribute('src')).to.equal(`${location.origin}/favicon.ico`);
      expect(own.alt).to.equal('');
      expect(elements[1].querySelector('img')).to.equal(null);
      expect(errors).to.include('a poster must be on this site');
    });

    it('refuses a service the catalogue does not declare, and an address that is not http(s)', async () => {
      run();
      let elements: ConsentEmbed[] = [];
      const errors = await consoleErrors(async () => {
        ({ elements } = await embed(html`
          <consent-embed service="vimeo" src="https://player.vimeo.com/video/1" title="A"></consent-embed>
          <consent-embed service="youtube" src="javascript:alert(1)" title="B"></consent-embed>
        `));
      });
      for (const el of elements) expect(el.querySelector('button, iframe')).to.equal(null);
      expect(errors).to.include('<consent-embed service="vimeo">: no such service');
      expect(errors).to.include('needs src="https://…"');
    });

    it('reserves its box (16:9 for a video) whether or not the UI has drawn in it; the placeholder fills it', async () => {
      run();
      const root = await fixture<HTMLElement>(html`<div style="width: 640px">
        <consent-embed></consent-embed>
        <consent-embed service="youtube" src=${VIDEO} title="Sports day 2026"></consent-embed>
      </div>`);
      const [empty, el] = [...root.querySelectorAll('consent-embed')] as ConsentEmbed[];
      await el.updateComplete;
      expect(Math.round(empty.getBoundingClientRect().height)).to.equal(360, 'an empty one: 16:9 of 640');
      expect(Math.round(el.getBoundingClientRect().height)).to.equal(360);
      expect(Math.round(placeholder(el)!.getBoundingClientRect().height)).to.equal(360);
    });
  });

  describe('Play video (this embed, this page view)', () => {
    it('loads this embed only, through youtube-nocookie.com, playing, with focus in it; stores nothing', async () => {
      const controller = run();
      const { elements } = await embed(html`${video('First')}${video('Second')}`);
      const [first, second] = elements;
      const loaded = oneEvent(first, 'consent-embed-load') as Promise<EmbedLoadEvent>;
      button(first, 'Play video')!.click();
      const event = await loaded;
      expect([event.service, event.once]).to.deep.equal(['youtube', true]);
      await first.updateComplete;
      const iframe = frame(first)!;
      expect(iframe.src).to.equal('https://www.youtube-nocookie.com/embed/abc123XYZ_-?start=90&autoplay=1');
      expect(iframe.title).to.equal('First');
      expect(iframe.getAttribute('referrerpolicy')).to.equal('strict-origin-when-cross-origin');
      expect(document.activeElement).to.equal(iframe);
      expect(frame(second)).to.equal(null, 'the other video still waits');
      expect(placeholder(second)).to.exist;
      expect(controller.record).to.equal(undefined, 'a one-off load is not a stored choice');
      expect(controller.allows('youtube')).to.equal(false);
      // The placeholder stays underneath, hidden and out of reach, keeping the box's size.
      const covered = first.querySelector('.cg-placeholder[data-covered]') as HTMLElement;
      expect(covered.inert).to.equal(true);
      expect(getComputedStyle(covered).visibility).to.equal('hidden');
    });

    it('lasts until the visitor next chooses without allowing it; another embed’s "Always allow" leaves it', async () => {
      const controller = run();
      const { elements } = await embed(html`
        ${video()}
        <consent-embed service="slido" src="https://app.sli.do/event/oak2026" title="Poll"></consent-embed>
      `);
      const [youtube, slido] = elements;
      button(youtube, 'Play video')!.click();
      await youtube.updateComplete;
      const changed = oneEvent(document, 'consent-change');
      button(slido, 'Always allow Slido')!.click();
      await changed;
      await youtube.updateComplete;
      expect(frame(youtube), 'still playing').to.exist;
      expect(frame(slido)!.src).to.equal('https://app.sli.do/event/oak2026');
      // Settings saved that do not allow YouTube: the one-off ends; Slido's grant stands.
      await controller.update({ analytics: true }, 'preferences');
      await youtube.updateComplete;
      expect(frame(youtube)).to.equal(null);
      expect(placeholder(youtube)).to.exist;
      expect(frame(slido)).to.exist;
      // Reject refuses every service too.
      await controller.rejectAll('banner');
      await slido.updateComplete;
      expect(frame(slido)).to.equal(null);
    });
  });

  describe('Always allow', () => {
    it('stores a grant for that service only (method "embed"), and every embed of it loads', async () => {
      const controller = run();
      const { elements } = await embed(html`
        ${video('First')}${video('Second')}
        <consent-embed service="facebook" src="https://www.facebook.com/OakfieldPrimary" title="Facebook"></consent-embed>
      `);
      const [first, second, facebook] = elements;
      const changed = oneEvent(document, 'consent-change');
      button(first, 'Always allow YouTube')!.click();
      await changed;
      await first.updateComplete;
      expect(controller.record?.method).to.equal('embed');
      expect(controller.record?.services).to.deep.equal({ youtube: true });
      expect(controller.record?.categories).to.deep.equal({}, 'no category is answered');
      expect(frame(first)!.src).to.equal('https://www.youtube-nocookie.com/embed/abc123XYZ_-?start=90');
      expect(frame(second)).to.exist;
      expect(facebook.querySelector('.cg-content')).to.equal(null);
      expect(document.activeElement).to.equal(frame(first));
    });

    it('goes back to the placeholder when the service is withdrawn', async () => {
      const controller = run();
      await controller.update({ embeds: true }, 'preferences');
      const { el } = await embed(video());
      expect(frame(el)).to.exist;
      await controller.update({ youtube: false }, 'preferences');
      await el.updateComplete;
      expect(frame(el)).to.equal(null);
      expect(placeholder(el)).to.exist;
    });
  });

  describe('feeds', () => {
    it('Facebook: the Page plugin markup, sized to the box, and the SDK added once, with data-consent', async () => {
      const controller = run();
      await controller.update({ facebook: true }, 'api');
      (globalThis as { __ran?: string[] }).__ran = [];
      const { elements } = await embed(html`
        <consent-embed service="facebook" src="https://www.facebook.com/OakfieldPrimary" title="Our posts" script="/__script?mark=fb"></consent-embed>
        <consent-embed service="facebook" src="https://www.facebook.com/OakfieldPrimary" title="Again" script="/__script?mark=fb"></consent-embed>
      `);
      const page = elements[0].querySelector('.cg-content .fb-page')!;
      expect(page.getAttribute('data-href')).to.equal('https://www.facebook.com/OakfieldPrimary');
      expect(Number(page.getAttribute('data-height'))).to.equal(Math.floor(elements[0].getBoundingClientRect().height));
      expect(page.querySelector('blockquote a')!.textContent).to.equal('Our posts');
      const scripts = [...document.scripts].filter((s) => s.src.endsWith('/__script?mark=fb'));
      expect(scripts).to.have.length(1);
      expect(scripts[0].dataset.consent).to.equal('facebook');
      await oneEvent(scripts[0], 'load');
      expect((globalThis as { __ran?: string[] }).__ran).to.deep.equal(['fb']);
      scripts[0].remove();
    });

    it('X: a timeline link for widgets.js, with do-not-track', async () => {
      const controller = run();
      await controller.update({ twitter: true }, 'api');
      const { el } = await embed(
        html`<consent-embed service="twitter" src="https://x.com/OakfieldPrimary" title="Posts by Oakfield" script="/__script?mark=x"></consent-embed>`,
      );
      const timeline = el.querySelector('.cg-content a.twitter-timeline') as HTMLAnchorElement;
      expect([timeline.href, timeline.textContent, timeline.dataset.dnt]).to.deep.equal(['https://x.com/OakfieldPrimary', 'Posts by Oakfield', 'true']);
      const content = el.querySelector('.cg-content')!;
      expect([content.getAttribute('role'), content.getAttribute('aria-label')]).to.deep.equal(['group', 'Posts by Oakfield']);
      [...document.scripts].filter((s) => s.src.endsWith('/__script?mark=x')).forEach((s) => s.remove());
    });
  });

  describe('built by a framework (JavaScript, not markup)', () => {
    it('draws nothing and loads nothing while off the page; once inserted it loads, sized to its box, and says so once', async () => {
      const controller = run();
      await controller.update({ facebook: true }, 'api');
      const loads: string[] = [];
      const heard = (event: Event) => loads.push((event as EmbedLoadEvent).service);
      document.addEventListener('consent-embed-load', heard);
      try {
        const el = document.createElement('consent-embed') as ConsentEmbed;
        el.service = 'facebook';
        el.src = 'https://www.facebook.com/OakfieldPrimary';
        el.title = 'Our posts';
        el.script = '/__script?mark=framework';
        await el.updateComplete;
        await new Promise((r) => setTimeout(r, 50));
        expect(el.childElementCount, 'nothing drawn off the page').to.equal(0);
        expect([...document.scripts].filter((s) => s.src.endsWith('mark=framework')), 'no provider script yet').to.have.length(0);
        expect(loads).to.deep.equal([]);
        const root = await fixture<HTMLElement>(html`<div></div>`);
        root.append(el);
        await el.updateComplete;
        const page = el.querySelector('.cg-content .fb-page')!;
        expect(Number(page.getAttribute('data-height'))).to.equal(Math.floor(el.getBoundingClientRect().height));
        expect(Number(page.getAttribute('data-height'))).to.be.above(0);
        expect(loads).to.deep.equal(['facebook'], 'the page heard the load, once');
        expect([...document.scripts].filter((s) => s.src.endsWith('mark=framework'))).to.have.length(1);
      } finally {
        document.removeEventListener('consent-embed-load', heard);
        [...document.scripts].filter((s) => s.src.endsWith('mark=framework')).forEach((s) => s.remove());
      }
    });

    it('a property set to null or undefined removes its attribute (no address "null", no title "null")', async () => {
      const controller = run();
      await controller.update({ embeds: true }, 'api');
      const errors = await consoleErrors(async () => {
        const { el } = await embed(video());
        expect(frame(el)).to.exist;
        (el as unknown as { src: null }).src = null;
        await el.updateComplete;
        expect(el.hasAttribute('src')).to.equal(false);
        expect(frame(el), 'no iframe of this page\'s "null"').to.equal(null);
        el.src = VIDEO;
        (el as unknown as { title: null }).title = null;
        (el as unknown as { poster: undefined }).poster = undefined;
        await el.updateComplete;
        expect(el.hasAttribute('title')).to.equal(false);
        expect(frame(el)!.title, 'the service names it').to.equal('YouTube');
      });
      expect(errors).to.include('needs src="https://…" (got "")');
    });

    it('leaves alone what the page or the provider put on the content: a drawing again changes only what it changed', async () => {
      const controller = run();
      await controller.update({ embeds: true }, 'api');
      const { el } = await embed(video());
      const iframe = frame(el)!;
      iframe.setAttribute('loading', 'lazy');
      iframe.dataset.tracked = 'by-the-page';
      iframe.src = 'about:blank#changed-by-the-page';
      // Drawn again: a consent change of another service, and a change of its own title.
      await controller.update({ slido: false }, 'api');
      el.title = 'Sports day 2027';
      await el.updateComplete;
      expect(frame(el)).to.equal(iframe, 'the same iframe');
      expect(iframe.getAttribute('loading')).to.equal('lazy');
      expect(iframe.dataset.tracked).to.equal('by-the-page');
      expect(iframe.src, 'not set back (it would load again)').to.equal('about:blank#changed-by-the-page');
      expect(iframe.title).to.equal('Sports day 2027');
      // Its own address changed: that it follows.
      el.src = 'https://www.youtube.com/watch?v=zzz987XYZ_-';
      await el.updateComplete;
      expect(frame(el)!.src).to.equal('https://www.youtube-nocookie.com/embed/zzz987XYZ_-');
    });
  });

  it('works when added to the page later', async () => {
    const controller = run();
    await controller.update({ embeds: true }, 'api');
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.innerHTML = `<consent-embed service="slido" src="https://app.sli.do/event/late" title="Late poll"></consent-embed>`;
    const el = root.firstElementChild as ConsentEmbed;
    await el.updateComplete;
    expect(placeholder(el)).to.exist;
    await controller.update({ polls: true }, 'api');
    await el.updateComplete;
    expect(frame(el)!.src).to.equal('https://app.sli.do/event/late');
  });
});
