// The console line a long dataset load shows: files, triples and elapsed time, in place on a terminal, every few seconds in a log.
import type { LoadProgress } from './read-dataset.js';

export interface ProgressLineOptions {
  /** Where the line goes (the CLI passes stderr); isTTY decides between rewriting in place and appending lines. */
  readonly stream: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Nothing is shown for loads quicker than this (default 2,000 ms). */
  readonly quietMs?: number;
  /** Least time between two lines when not on a terminal (default 5,000 ms); on a terminal, 200 ms. */
  readonly logIntervalMs?: number;
  readonly now?: () => number;
}

export interface ProgressLine {
  /** Give to readDataset / loadGraph as onProgress. */
  readonly onProgress: (progress: LoadProgress) => void;
  /** Ends the line (a final figure and a newline) if anything was shown; say what was loaded. */
  finish(): void;
}

/** Driven by the load's own progress calls, not a timer: the load is synchronous, so a timer would never fire during it. */
export function progressLine(options: ProgressLineOptions): ProgressLine {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const tty = options.stream.isTTY === true;
  const interval = tty ? 200 : (options.logIntervalMs ?? 5_000);
  const quiet = options.quietMs ?? 2_000;
  let shownAt: number | undefined;
  let last: LoadProgress | undefined;
  const render = (progress: LoadProgress, at: number): string => {
    const seconds = ((at - started) / 1000).toFixed(1);
    const files = `${progress.files}/${progress.totalFiles} files ${progress.phase === 'read' ? 'read' : 'parsed'}`;
    return `casegraph: loading dataset: ${files}, ${progress.quads.toLocaleString('en-US')} triples, ${seconds} s`;
  };
  const show = (progress: LoadProgress, at: number): void => {
    options.stream.write(tty ? `\r${render(progress, at)}\u001b[K` : `${render(progress, at)}\n`);
    shownAt = at;
  };
  return {
    onProgress(progress) {
      last = progress;
      const at = now();
      if (at - started < quiet) return;
      if (shownAt === undefined || at - shownAt >= interval) show(progress, at);
    },
    finish() {
      if (shownAt === undefined || !last) return;
      const at = now();
      if (tty) options.stream.write(`\r${render(last, at)}\u001b[K\n`);
      else if (at !== shownAt) show(last, at);
    },
  };
}
