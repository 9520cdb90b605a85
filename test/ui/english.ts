// Every English string, the three parts (src/i18n/en-GB-banner.ts, en-GB-embed.ts and en-GB-more.ts), for the tests.
import { enBanner } from '../../src/i18n/en-GB-banner.js';
import { enEmbed } from '../../src/i18n/en-GB-embed.js';
import { enMore } from '../../src/i18n/en-GB-more.js';
import type { StringTable } from '../../src/i18n/en-GB.js';

export const enGB: StringTable = { ...enBanner, ...enEmbed, ...enMore };
