// The per-suite conformance table printed by the conformance tests: run, passed, known failures and skips with their reasons.

export interface TableRow {
  readonly suite: string;
  readonly kind: string;
  readonly run: number;
  readonly passed: number;
  /** Run and failing, each listed with its reason (an engine limitation). */
  readonly knownFailures: number;
  readonly skipped: number;
  /** Why tests were skipped, once per distinct reason. */
  readonly reasons: readonly string[];
}

export function conformanceTable(title: string, rows: readonly TableRow[]): string {
  const total = (key: 'run' | 'passed' | 'knownFailures' | 'skipped') => rows.reduce((sum, row) => sum + row[key], 0);
  const header = ['suite', 'kind', 'run', 'passed', 'known failures', 'skipped', 'skip reason'];
  const body = rows.map((r) => [r.suite, r.kind, String(r.run), String(r.passed), String(r.knownFailures), String(r.skipped), r.reasons.join('; ')]);
  body.push(['total', '', String(total('run')), String(total('passed')), String(total('knownFailures')), String(total('skipped')), '']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (i === header.length - 1 ? 0 : cells[i]!.length))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : i >= 2 && i <= 5 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [title, line(header), ...body.map(line)].join('\n');
}
