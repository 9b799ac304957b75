// A line diff of two texts (longest common subsequence), printed with `-`/`+` and a few lines of context, for reviewing a re-import.

/** The changed lines of `after` against `before`, each prefixed `-` or `+`, with `context` unchanged lines around each change. */
export function lineDiff(before: string, after: string, context = 2): string {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]. Files are small (one person each).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const below = lcs[i + 1] as number[];
    for (let j = b.length - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
  }
  const lines: Array<{ mark: ' ' | '-' | '+'; text: string }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i++] ?? '' });
      j++;
    } else if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) lines.push({ mark: '+', text: b[j++] ?? '' });
    else lines.push({ mark: '-', text: a[i++] ?? '' });
  }
  const shown = lines.map((line, index) => line.mark !== ' ' || lines.slice(Math.max(0, index - context), index + context + 1).some((l) => l.mark !== ' '));
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (shown[index]) out.push(`${line.mark} ${line.text}`);
    else if (index > 0 && shown[index - 1]) out.push('  ...');
  });
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
