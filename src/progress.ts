/** What a progress counter writes to: a terminal, or anything else (where it stays silent). */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** `count` more items are done. */
  tick(count?: number): void;
  /** Clears the counter's line (the step prints its own summary after). */
  done(): void;
}

/** Steps shorter than this never show a counter, nor do steps of fewer items than MIN_ITEMS. */
const QUIET_MS = 500;
const MIN_ITEMS = 100;
/** Redraws at most this often: a counter must not cost what it measures. */
const REDRAW_MS = 100;

/**
 * A counter on one terminal line for a long step ("[dispatch] reading briefings 340/1,000"),
 * redrawn in place and cleared when the step ends. Only on a terminal: logs, pipes and CI get
 * nothing from it, so they keep exactly the summaries they had.
 */
export function progress(label: string, total: number, stream: ProgressStream = process.stderr, clock: () => number = Date.now): Progress {
  if (!stream.isTTY || total < MIN_ITEMS) return { tick: () => {}, done: () => {} };
  const started = clock();
  let done = 0;
  let drawn = 0;
  let shown = false;
  const format = new Intl.NumberFormat("en");
  return {
    tick(count = 1) {
      done += count;
      const now = clock();
      if (now - started < QUIET_MS || now - drawn < REDRAW_MS) return;
      drawn = now;
      shown = true;
      stream.write(`\r\x1b[K[dispatch] ${label} ${format.format(done)}/${format.format(total)}`);
    },
    done() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
