/** Reading a catalogue file and checking it with the library's own validator. */
import { readFileSync } from 'node:fs';
import { parseCatalogue } from '../src/catalogue/validate.js';
import type { CatalogueProblem, ParseResult } from '../src/catalogue/types.js';
import { UsageError } from './browser.js';

export interface CatalogueFile {
  file: string;
  input: unknown;
  result: ParseResult;
}

export function readCatalogueFile(file: string): CatalogueFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return fromText(file, text);
}

export function fromText(file: string, text: string): CatalogueFile {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    input = undefined;
  }
  // The validator reads the text itself, so a JSON syntax error is reported the way the gate reports it.
  return { file, input, result: parseCatalogue(text) };
}

const isObj = (v: unknown): v is Record<string, any> =>
  typeof v == 'object' && v !== null && !Array.isArray(v);

/**
 * Things a valid catalogue may still get wrong for its readers: cookies without a purpose or an
 * expiry leave gaps in the privacy notice's table (COMPLIANCE R17), an optional category without
 * services asks visitors about nothing, and without `policyUrl` or `cookiesPageUrl` the banner
 * has nowhere to send them. Warnings never fail `validate`.
 */
export function catalogueWarnings(input: unknown): CatalogueProblem[] {
  const out: CatalogueProblem[] = [];
  if (!isObj(input)) return out;
  if (!input.policyUrl && !input.cookiesPageUrl)
    out.push({
      path: 'policyUrl',
      message:
        'neither policyUrl nor cookiesPageUrl is set: the banner cannot link to the list of cookies',
    });
  for (const [name, category] of Object.entries(input.categories ?? {}))
    if (isObj(category) && !category.required && !(category.services ?? []).length)
      out.push({
        path: `categories.${name}.services`,
        message: 'no services: visitors would be asked about a category that sets nothing',
      });
  for (const [name, service] of Object.entries(input.services ?? {})) {
    if (!isObj(service) || !Array.isArray(service.cookies)) continue;
    service.cookies.forEach((cookie: unknown, i: number) => {
      if (!isObj(cookie)) return;
      const path = `services.${name}.cookies[${i}]`;
      if (!cookie.purpose && !service.description)
        out.push({
          path: `${path}.purpose`,
          message: 'missing: the cookie table will show no purpose',
        });
      if (!cookie.expires)
        out.push({
          path: `${path}.expires`,
          message: 'missing: the cookie table will show no expiry',
        });
    });
  }
  return out;
}

export const problemLines = (problems: readonly CatalogueProblem[], prefix = '  '): string =>
  problems.map((p) => `${prefix}${p.path}: ${p.message}`).join('\n');
