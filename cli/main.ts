/**
 * The `consent-gate` command. Exit codes: 0 all good; 1 the catalogue has errors, or the audit
 * found a leak or an undeclared cookie; 2 the command could not run (bad arguments, unreadable
 * file, no browser, site unreachable).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditCommand } from './audit-command.js';
import { UsageError } from './browser.js';
import { tableCommand } from './table-command.js';
import { validateFiles } from './validate-command.js';

/** dist/cli.js sits one folder below the package's package.json. */
function version(): string {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

export const HELP = `consent-gate — check a cookie catalogue, print its cookie table, audit a site

Usage:
  consent-gate validate <cookies.json>… [--json]
      Checks catalogues as the library does, listing every problem with its path.
  consent-gate table <cookies.json> [--format md|html] [--lang en|cy] [--npm]
      Prints the cookie table for a privacy notice (the content of <consent-table>).
      --npm: for a site that runs the npm package, not the script tag (which also keeps
      a copy of the choice in localStorage, listed beside the consent cookie).
  consent-gate audit <url> [--catalogue cookies.json] [--pages N] [--json]
                     [--write-catalogue draft.json] [--wait ms]
      Visits the site in headless Chromium three times — no choice, after Reject, after
      Accept — over up to N same-origin pages (default 10), and reports third-party
      requests, cookies and storage keys, leaks and undeclared cookies. Without
      --catalogue it uses the catalogue the page's consent-gate script tag names.
      --wait: extra milliseconds per page once the network is quiet (default 500).
      Progress goes to stderr (--quiet: none), the report to stdout.

Exit status: 0 fine; 1 catalogue errors, a leak or an undeclared cookie; 2 could not run.`;

const print = (s: string) => process.stdout.write(s + '\n');
const printError = (s: string) => process.stderr.write(s + '\n');

// Every option of every command, parsed in one go; each command then refuses the others.
const OPTIONS = {
  json: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  lang: { type: 'string', short: 'l' },
  catalogue: { type: 'string', short: 'c' },
  pages: { type: 'string', short: 'n' },
  'write-catalogue': { type: 'string' },
  wait: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  npm: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
type Option = keyof typeof OPTIONS;
const COMMAND_OPTIONS: Record<string, Option[]> = {
  validate: ['json'],
  table: ['format', 'lang', 'json', 'npm'],
  audit: ['catalogue', 'pages', 'json', 'write-catalogue', 'wait', 'quiet'],
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command == 'help' || command == '--help' || command == '-h') {
    print(HELP);
    return command ? 0 : 2;
  }
  if (command == '--version' || command == '-v') {
    print(version());
    return 0;
  }
  try {
    if (!COMMAND_OPTIONS[command])
      throw new UsageError(
        `unknown command "${command}": expected validate, table or audit (consent-gate --help)`,
      );
    const { values, positionals } = parseArgs({
      args: rest,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      print(HELP);
      return 0;
    }
    for (const option of Object.keys(values) as Option[])
      if (!COMMAND_OPTIONS[command].includes(option))
        throw new UsageError(`${command} has no --${option} option (consent-gate --help)`);

    if (command == 'validate') {
      if (!positionals.length)
        throw new UsageError(
          'validate: name a catalogue file, e.g. consent-gate validate cookies.json',
        );
      return validateFiles(positionals, Boolean(values.json), print);
    }
    if (command == 'table') {
      if (positionals.length != 1)
        throw new UsageError(
          'table: name one catalogue file, e.g. consent-gate table cookies.json --format html',
        );
      return tableCommand(positionals[0], values, print, printError);
    }
    if (positionals.length != 1)
      throw new UsageError(
        'audit: name one URL, e.g. consent-gate audit https://www.example.sch.uk/',
      );
    return await auditCommand(
      positionals[0],
      { ...values, writeCatalogue: values['write-catalogue'] },
      print,
      printError,
    );
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      printError(`consent-gate: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

// `consent-gate table … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code == 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    printError(`consent-gate: ${(error as Error).stack ?? error}`);
    process.exitCode = 2;
  },
);
