import cliProgress from 'cli-progress';
import type { ProgressOptions } from './progress.js';

/**
 * Where a command shows its progress (stderr): a bar with rate and time left when it is a
 * terminal someone watches; the job's plain lines (every two seconds) when it is not — a log
 * file, CI, a pipe — where a redrawn bar would only be noise.
 */
export interface ProgressDisplay extends ProgressOptions {
  kind: 'bars' | 'lines';
  onProgress: (message: string) => void;
  /** Ends the bar being drawn, if any; call it before printing a result. */
  stop(): void;
}

export function progressDisplay(
  stream: NodeJS.WriteStream = process.stderr,
  isTerminal: boolean = stream.isTTY === true && process.env.TERM !== 'dumb',
): ProgressDisplay {
  if (!isTerminal) {
    return {
      kind: 'lines',
      onProgress: (message) => stream.write(`  ${message}\n`),
      stop: () => {},
    };
  }
  let bar: cliProgress.SingleBar | undefined;
  let current: { label: string; started: number; total: number | undefined } | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
    current = undefined;
  };
  return {
    kind: 'bars',
    onProgress: (message) => {
      stop();
      stream.write(`  ${message}\n`);
    },
    onStep: (label, done, total) => {
      if (current?.label !== label || current.total !== total) {
        stop();
        current = { label, started: Date.now(), total };
        bar = new cliProgress.SingleBar(
          {
            stream,
            format:
              total === undefined
                ? '  {label}: {value} ({rate}/s)'
                : '  {label} [{bar}] {percentage}% {value}/{total} ({rate}/s, {eta_formatted} left)',
            barsize: 24,
            hideCursor: true,
            etaBuffer: 200,
            fps: 5,
            // Drawn on a terminal only (this branch); keep it there when stderr is a TTY
            // behind a wrapper that says it is none.
            noTTYOutput: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? 0, 0, { label, rate: 0 });
      }
      const seconds = (Date.now() - current!.started) / 1000;
      bar!.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
    stop,
  };
}

/**
 * A bar of elapsed time for work that reports no counts (a timed benchmark cell); on a
 * non-terminal, nothing more than the work's own lines.
 */
export async function timedStep<T>(
  display: ProgressDisplay,
  label: string,
  seconds: number,
  work: () => Promise<T>,
): Promise<T> {
  const step = display.onStep;
  if (!step) return work();
  const started = Date.now();
  const elapsed = () => Math.min(seconds, Math.floor((Date.now() - started) / 1000));
  step(label, 0, seconds);
  const timer = setInterval(() => step(label, elapsed(), seconds), 500);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    display.stop();
  }
}
