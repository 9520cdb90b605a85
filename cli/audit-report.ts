/** The human report of `consent-gate audit` (the default; `--json` prints the AuditReport itself). */
import type { AuditReport } from './audit-analyse.js';

/** Columns padded to their widest cell; the last column is not padded. */
function columns(header: string[], rows: string[][], indent = '  '): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (i == cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n == 1 ? one : many}`;

export function formatReport(report: AuditReport): string {
  const origin = new URL(report.url).origin;
  const page = (url: string) => (url.startsWith(origin) ? url.slice(origin.length) || '/' : url);
  const out: string[] = [];
  out.push(`consent-gate audit of ${report.url}`);
  out.push(`Pages (${report.pages.length}): ${report.pages.map(page).join(', ')}`);
  const c = report.catalogue;
  out.push(
    'Catalogue: ' +
      (c.source
        ? `${c.source}` +
          (c.from == 'page' ? ' (named by the page)' : '') +
          (c.site ? ` — ${c.site}, revision ${c.revision}` : '') +
          (c.problems ? ` — NOT VALID (${plural(c.problems.length, 'problem')}):` : '')
        : 'none'),
  );
  for (const p of c.problems ?? []) out.push(`  ${p.path}: ${p.message}`);

  for (const s of report.states) {
    out.push('', s.label, '-'.repeat(s.label.length));
    if (!s.reached) {
      out.push(`Not audited: ${s.note}.`);
      continue;
    }
    const section = (title: string, count: number, lines: () => string[]) => {
      if (!count) out.push(`${title}: none`);
      else out.push(`${title} (${count}):`, ...lines());
    };
    section('Third-party requests', s.thirdPartyRequests.length, () =>
      columns(
        ['HOST', 'PAGE', 'REQUESTS', 'DECLARED BY'],
        s.thirdPartyRequests.map((r) => [
          r.host,
          page(r.page),
          String(r.count),
          r.declaredBy.join(', ') || '-',
        ]),
      ),
    );
    // Without a catalogue, names can only be recognised from the presets.
    const declaredAs = (item: { service?: string; category?: string }) =>
      item.service === undefined
        ? c.site
          ? 'UNDECLARED'
          : '-'
        : [item.category, item.service].filter(Boolean).join(' / ');
    const declaredHeading = c.site ? 'DECLARED AS' : 'PRESET';
    section('Cookies', s.cookies.length, () =>
      columns(
        ['NAME', 'DOMAIN', 'EXPIRES', 'PARTY', 'FIRST SEEN ON', declaredHeading],
        s.cookies.map((k) => [
          k.name,
          k.domain,
          k.lifetime,
          k.party + (k.partitioned ? ' (partitioned)' : ''),
          page(k.page),
          declaredAs(k),
        ]),
      ),
    );
    section('Storage', s.storage.length, () =>
      columns(
        ['NAME', 'KIND', 'ORIGIN', 'PARTY', 'FIRST SEEN ON', declaredHeading],
        s.storage.map((k) => [k.name, k.kind, k.origin, k.party, page(k.page), declaredAs(k)]),
      ),
    );
    if (s.state != 'accepted')
      section('LEAKS', s.leaks.length, () =>
        columns(
          ['WHAT', 'NAME', 'PAGE', 'WHY'],
          s.leaks.map((l) => [l.kind, l.name, page(l.page), l.reason]),
        ),
      );
    if (report.catalogue.site)
      section('UNDECLARED', s.undeclared.length, () =>
        columns(
          ['WHAT', 'NAME', 'SET ON', 'PARTY', 'PAGE'],
          s.undeclared.map((u) => [u.kind, u.name, u.where, u.party, page(u.page)]),
        ),
      );
  }

  if (report.catalogue.site) {
    out.push('');
    if (!report.neverSeen.length) out.push('Declared but never seen: none');
    else {
      out.push(
        `Declared but never seen (${report.neverSeen.length}) — still set by the site, or time to remove them from the notice?`,
      );
      const byService = new Map<string, string[]>();
      for (const d of report.neverSeen)
        byService.set(d.service, [...(byService.get(d.service) ?? []), d.name]);
      for (const [service, names] of byService) out.push(`  ${service}: ${names.join(', ')}`);
    }
  }
  if (report.warnings.length) out.push('', 'Warnings:', ...report.warnings.map((w) => `  - ${w}`));

  const { leaks, undeclared, pass } = report.summary;
  out.push(
    '',
    pass
      ? 'Result: PASS — no leaks' + (report.catalogue.site ? ', no undeclared cookies.' : '.')
      : `Result: FAIL — ${plural(leaks, 'leak')}, ${plural(undeclared, 'undeclared cookie or storage key', 'undeclared cookies or storage keys')}` +
          (report.catalogue.problems ? ', and the catalogue is not valid.' : '.'),
  );
  return out.join('\n');
}
