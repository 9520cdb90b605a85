/**
 * Adds the English strings beyond the banner's first layer (`en-GB-more.ts` and the embeds'
 * `en-GB-embed.ts`) to the string lookup. The elements' registration modules import it (npm: all
 * of English comes with any element); the script-tag build carries it in
 * `consent-gate-ui-elements.min.js`, with the elements that show those strings (the embed bundle
 * adds `en-GB-embed.ts` only).
 */
import { enEmbed } from './en-GB-embed.js';
import { enMore } from './en-GB-more.js';
import { addEnglish } from './strings.js';

addEnglish({ ...enMore, ...enEmbed });
