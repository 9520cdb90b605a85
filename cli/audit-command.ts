/**
 * `consent-gate audit <url> [--catalogue cookies.json] [--pages N] [--json]
 *   [--write-catalogue draft.json] [--wait ms]`
 */
import { writeFileSync } from 'node:fs';
import type { Catalogue, CatalogueProblem } from '../src/catalogue/types.js';
import { parseCatalogue } from '../src/catalogue/validate.js';
import { analyse } from './audit-analyse.js';
import { observeSite } from './audit-observe.js';
import { formatReport } from './audit-report.js';
import { UsageError } from './browser.js';
import { problemLines, readCatalogueFile } from './catalogue-file.js';
import { draftCatalogue } from './draft-catalogue.js';

export interface AuditCommandOptions {
  catalogue?: string;
  pages?: string;
  json?: boolean;
  writeCatalogue?: string;
  wait?: string;
  quiet?: boolean;
}

const count = (
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max: number,
) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} ${value}: expected a whole number from ${min} to ${max}`);
  return n;
};

export async function auditCommand(
  url: string,
  options: AuditCommandOptions,
  print: (s: string) => void,
  printError: (s: string) => void,
): Promise<number> {
  const pages = count(options.pages, '--pages', 10, 1, 500);
  const waitMs = count(options.wait, '--wait', 500, 0, 60_000);
  let catalogue: Catalogue | undefined;
  let source: string | null = null;
  let from: 'file' | 'page' | undefined;
  let problems: CatalogueProblem[] | undefined;
  if (options.catalogue) {
    const file = readCatalogueFile(options.catalogue);
    if (!file.result.ok) {
      printError(
        `${options.catalogue}: the catalogue is not valid\n${problemLines(file.result.problems)}`,
      );
      return 1;
    }
    catalogue = file.result.catalogue;
    source = options.catalogue;
    from = 'file';
  }

  const observations = await observeSite({
    url,
    pages,
    waitMs,
    bannerTimeoutMs: 5000,
    discoverCatalogue: !catalogue,
    // Progress goes to stderr, so `--json > report.json` stays clean.
    log: options.quiet ? () => {} : (line) => printError(line),
  });
  const discovered = observations.discovered;
  if (!catalogue && discovered) {
    source = discovered.source;
    from = 'page';
    if (discovered.error)
      problems = [{ path: '$', message: `could not be read: ${discovered.error}` }];
    else {
      const result = parseCatalogue(discovered.text);
      if (result.ok) catalogue = result.catalogue;
      else problems = result.problems;
    }
  }

  const report = analyse(observations, { catalogue, source, from, problems });
  print(options.json ? JSON.stringify(report, null, 2) : formatReport(report));

  if (options.writeCatalogue) {
    const draft = draftCatalogue(observations, { consentCookie: catalogue?.cookie.name });
    writeFileSync(options.writeCatalogue, JSON.stringify(draft.catalogue, null, 2) + '\n');
    const check = parseCatalogue(draft.catalogue);
    printError(
      [
        `Wrote a draft catalogue to ${options.writeCatalogue}.`,
        ...draft.notes.map((n) => `  - ${n}`),
        ...(check.ok
          ? []
          : ['  The draft does not validate yet:', problemLines(check.problems, '    ')]),
        `  Check it with: npx consent-gate validate ${options.writeCatalogue}`,
      ].join('\n'),
    );
  }
  return report.summary.pass ? 0 : 1;
}
