/** `consent-gate validate <file…> [--json]` */
import { catalogueWarnings, problemLines, readCatalogueFile } from './catalogue-file.js';

export interface ValidateOutcome {
  file: string;
  valid: boolean;
  problems: { path: string; message: string }[];
  warnings: { path: string; message: string }[];
  declares?: { categories: number; services: number; cookies: number };
}

export function validateFiles(files: string[], json: boolean, print: (s: string) => void): number {
  const outcomes: ValidateOutcome[] = files.map((file) => {
    const { input, result } = readCatalogueFile(file);
    if (!result.ok) return { file, valid: false, problems: result.problems, warnings: [] };
    const catalogue = result.catalogue;
    return {
      file,
      valid: true,
      problems: [],
      warnings: catalogueWarnings(input),
      declares: {
        categories: catalogue.categories.length,
        services: Object.keys(catalogue.services).length,
        cookies: Object.values(catalogue.services).reduce((n, s) => n + s.cookies.length, 0),
      },
    };
  });
  if (json) print(JSON.stringify(files.length == 1 ? outcomes[0] : outcomes, null, 2));
  else
    for (const o of outcomes) {
      const plural = (n: number, word: string) => `${n} ${word}${n == 1 ? '' : 's'}`;
      if (o.valid) {
        const d = o.declares!;
        print(
          `${o.file}: valid — ${plural(d.categories, 'category').replace('categorys', 'categories')}, ` +
            `${plural(d.services, 'service')}, ${plural(d.cookies, 'cookie')} declared`,
        );
      } else
        print(`${o.file}: ${plural(o.problems.length, 'problem')}\n${problemLines(o.problems)}`);
      if (o.warnings.length) print(problemLines(o.warnings, '  warning: '));
    }
  return outcomes.every((o) => o.valid) ? 0 : 1;
}
