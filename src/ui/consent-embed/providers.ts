/**
 * What `<consent-embed>` knows about each kind of provider: how to turn the address a site gives
 * into what loads (an iframe, or the provider's script and the markup it renders), where the plain
 * link to the content goes, and how the placeholder words it. Chosen by the catalogue service's
 * preset (or its name): a service `"school-videos": { "preset": "youtube" }` is a YouTube embed.
 */
import type { Service } from '../../catalogue/types.js';
import { h } from '../dom.js';

/** Picks the placeholder's wording: `embed.<kind>`, `embed.load.<kind>`, `embed.link.<kind>`. */
export type EmbedKind = 'video' | 'posts' | 'poll' | 'content';

interface ScriptEmbed {
  /** The provider's script (default address; `script="…"` overrides it). */
  script: (lang: string) => string;
  /** The markup the script turns into the embed. */
  markup: (src: string, title: string, box: { width: number; height: number }) => Element;
  /** Renders markup added after the script already ran, or says it has not run (false). */
  render: (container: Element) => boolean;
}

export interface Provider {
  kind: EmbedKind;
  /** The iframe's address (iframe providers). */
  frame?: (src: URL, playNow: boolean) => string;
  /** The content on the provider's own site, for the plain link. */
  link: (src: URL) => string;
  /** `allow` for the iframe: the features the provider's player asks for. */
  allow?: string;
  /** Script providers (a feed the provider's script draws). */
  scripted?: ScriptEmbed;
}

const YOUTUBE = /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$/;

/** A YouTube video id from any of its addresses: watch?v=, youtu.be/, /embed/, /shorts/, /live/. */
function youtubeId(url: URL): string | undefined {
  if (!YOUTUBE.test(url.hostname)) return undefined;
  const id = url.hostname.endsWith('youtu.be')
    ? url.pathname.slice(1)
    : (url.searchParams.get('v') ?? url.pathname.match(/^\/(?:embed|shorts|live)\/([^/]+)/)?.[1]);
  return id && /^[\w-]+$/.test(id) ? id : undefined;
}

/** `?t=90`, `?t=1m30s` or `?start=90` as seconds. */
function startSeconds(url: URL): string | undefined {
  const value = url.searchParams.get('start') ?? url.searchParams.get('t');
  const match = value?.match(/^(?:(\d+)h)?(?:(\d+)m)?(\d+)?s?$/);
  if (!value || !match) return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds ? String(seconds) : undefined;
}

/** What the providers' scripts leave on `window` once they have run. */
interface ProviderApis {
  FB?: { XFBML?: { parse: (node: Element) => void } };
  twttr?: { widgets?: { load: (node: Element) => void } };
}
const providerApis = () => globalThis as ProviderApis;

const youtube: Provider = {
  kind: 'video',
  // Through youtube-nocookie.com, whatever address the site gave. An address elsewhere (the site's
  // own proxy, a test stand-in) is used as it is.
  frame: (src, playNow) => {
    const id = youtubeId(src);
    const url = id ? new URL(`https://www.youtube-nocookie.com/embed/${id}`) : new URL(src);
    const start = id && startSeconds(src);
    const list = id && src.searchParams.get('list');
    if (start) url.searchParams.set('start', start);
    if (list) url.searchParams.set('list', list);
    // Loaded by the visitor's "Play video": one press should play it.
    if (playNow) url.searchParams.set('autoplay', '1');
    return url.href;
  },
  link: (src) => {
    const id = youtubeId(src);
    return id ? `https://www.youtube.com/watch?v=${id}` : src.href;
  },
  allow: 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share',
};

const facebook: Provider = {
  kind: 'posts',
  link: (src) => src.href,
  scripted: {
    script: (lang) => `https://connect.facebook.net/${lang === 'cy' ? 'cy_GB' : 'en_GB'}/sdk.js#xfbml=1&version=v21.0`,
    // The Page plugin: 180 to 500 px wide, as tall as the space reserved for it.
    markup: (src, title, box) => {
      const page = h('div', {
        class: 'fb-page',
        'data-href': src,
        'data-tabs': 'timeline',
        'data-width': String(Math.max(180, Math.min(500, Math.floor(box.width)))),
        'data-height': String(Math.floor(box.height)),
        'data-small-header': 'true',
        'data-adapt-container-width': 'true',
        'data-show-facepile': 'false',
      });
      const quote = h('blockquote', { cite: src, class: 'fb-xfbml-parse-ignore' });
      quote.append(h('a', { href: src }, title));
      page.append(quote);
      return page;
    },
    render: (container) => {
      const parse = providerApis().FB?.XFBML?.parse;
      if (parse) parse(container);
      return Boolean(parse);
    },
  },
};

const twitter: Provider = {
  kind: 'posts',
  link: (src) => src.href,
  scripted: {
    script: () => 'https://platform.twitter.com/widgets.js',
    // data-dnt: X's "do not track" for embedded timelines.
    markup: (src, title, box) =>
      h('a', { class: 'twitter-timeline', href: src, 'data-height': String(Math.floor(box.height)), 'data-dnt': 'true' }, title),
    render: (container) => {
      const widgets = providerApis().twttr?.widgets;
      widgets?.load(container);
      return Boolean(widgets);
    },
  },
};

const slido: Provider = { kind: 'poll', frame: (src) => src.href, link: (src) => src.href, allow: 'clipboard-write' };

const content: Provider = { kind: 'content', frame: (src) => src.href, link: (src) => src.href };

const PROVIDERS: Record<string, Provider> = { youtube, facebook, twitter, slido };

/** The provider of a catalogue service: by its preset, else its name; any other is an iframe. */
export function providerOf(service: Service): Provider {
  return PROVIDERS[service.preset ?? service.name] ?? content;
}
