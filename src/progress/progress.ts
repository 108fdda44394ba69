/**
 * How long work reports its progress. A job says what it is doing (`onProgress`, a line per
 * milestone) and counts its items as it goes (`onStep`). A caller that draws progress bars
 * (src/progress/display.ts, on a terminal) takes every count; one that does not gets a plain
 * line every two seconds instead, for logs and CI.
 */
export type StepReport = (label: string, done: number, total: number | undefined) => void;

export interface ProgressOptions {
  /** A line of news: a phase starts or ends. */
  onProgress?: (message: string) => void;
  /** Every count of the current phase; without it, `message` lines every two seconds. */
  onStep?: StepReport;
}

/**
 * The counter a job calls for each item it finishes: forwards to onStep, or else says the
 * phase's plain `message` at most every `everyMs` (and always when `final` is set).
 */
export function ticker(options: ProgressOptions, everyMs = 2000) {
  const say = options.onProgress ?? (() => {});
  let last = Date.now();
  return (
    label: string,
    done: number,
    total: number | undefined,
    message: () => string,
    final = false,
  ): void => {
    if (options.onStep) {
      options.onStep(label, done, total);
      return;
    }
    if (!final && Date.now() - last < everyMs) return;
    last = Date.now();
    say(message());
  };
}
