/**
 * English (en-GB) strings: GOV.UK cookie-banner and cookies-page wording, for every visible and
 * accessible string of the banner, the preferences, the cookies page and the embed placeholders.
 * `{name}` placeholders are filled in by `translator()`; a site overrides any key per language from
 * the catalogue's `texts`. In three parts, so the script tag's first visit carries only the first:
 * the banner's (`en-GB-banner.ts`), the embeds' (`en-GB-embed.ts`) and the rest (`en-GB-more.ts`),
 * the last two added by `add-en.ts`. This module is their keys' type only.
 */
import type { enBanner } from './en-GB-banner.js';
import type { enEmbed } from './en-GB-embed.js';
import type { enMore } from './en-GB-more.js';

/** The keys every locale must translate; a site overrides any of them from the catalogue's `texts`. */
export type StringKey = keyof typeof enBanner | keyof typeof enEmbed | keyof typeof enMore;
export type StringTable = Record<StringKey, string>;
