import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/dataset/progress-line.js';
import type { LoadProgress } from '../../src/dataset/read-dataset.js';

/** A clock the test moves by hand, so nothing depends on how fast the machine is. */
function harness(isTTY: boolean) {
  let time = 0;
  const written: string[] = [];
  const line = progressLine({ stream: { write: (text: string) => written.push(text), isTTY }, now: () => time });
  return { line, written, at: (ms: number) => (time = ms) };
}

const parse = (files: number, quads: number): LoadProgress => ({ phase: 'parse', files, totalFiles: 4, quads });

describe('the load progress line', () => {
  it('stays silent for a load under two seconds', () => {
    const { line, written, at } = harness(true);
    at(500);
    line.onProgress(parse(4, 1000));
    at(1900);
    line.finish();
    expect(written).toEqual([]);
  });

  it('on a terminal rewrites one line in place and ends it with a newline', () => {
    const { line, written, at } = harness(true);
    at(2500);
    line.onProgress(parse(1, 100_000));
    at(2600); // within 200 ms of the last: not redrawn
    line.onProgress(parse(1, 200_000));
    at(3000);
    line.onProgress(parse(3, 300_000));
    at(3100);
    line.finish();
    expect(written).toEqual([
      '\rcasegraph: loading dataset: 1/4 files parsed, 100,000 triples, 2.5 s\u001b[K',
      '\rcasegraph: loading dataset: 3/4 files parsed, 300,000 triples, 3.0 s\u001b[K',
      '\rcasegraph: loading dataset: 3/4 files parsed, 300,000 triples, 3.1 s\u001b[K\n',
    ]);
  });

  it('in a log writes whole lines, one every five seconds', () => {
    const { line, written, at } = harness(false);
    at(2000);
    line.onProgress({ phase: 'read', files: 2, totalFiles: 4, quads: 0 });
    at(6000);
    line.onProgress(parse(1, 100_000));
    at(7000);
    line.onProgress(parse(4, 400_000));
    at(7500);
    line.finish();
    expect(written).toEqual([
      'casegraph: loading dataset: 2/4 files read, 0 triples, 2.0 s\n',
      'casegraph: loading dataset: 4/4 files parsed, 400,000 triples, 7.0 s\n',
      'casegraph: loading dataset: 4/4 files parsed, 400,000 triples, 7.5 s\n',
    ]);
  });
});
