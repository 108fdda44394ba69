import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { progressDisplay, timedStep } from '../../src/progress/display.js';
import { ticker } from '../../src/progress/progress.js';

/** A stderr stand-in that records what is written; a terminal or not. */
function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = {
    isTTY,
    columns: 100,
    write: (chunk: string) => written.push(chunk) > 0,
  } as unknown as NodeJS.WriteStream;
  return { stream, text: () => written.join('') };
}

describe('progress of long work', () => {
  it('keeps the plain lines every so often when nobody draws a bar', () => {
    const lines: string[] = [];
    const tick = ticker({ onProgress: (m) => lines.push(m) }, 60_000);
    for (let i = 1; i <= 1000; i++) tick('items', i, 1000, () => `items ${i}/1000`);
    // Throttled: nothing within the interval but the final count.
    tick('items', 1000, 1000, () => 'items 1000/1000, done', true);
    expect(lines).toEqual(['items 1000/1000, done']);
    const every: string[] = [];
    const eager = ticker({ onProgress: (m) => every.push(m) }, 0);
    for (let i = 1; i <= 3; i++) eager('items', i, 3, () => `items ${i}/3`);
    expect(every).toEqual(['items 1/3', 'items 2/3', 'items 3/3']);
  });

  it('hands every count to a bar when there is one', () => {
    const steps: unknown[] = [];
    const lines: string[] = [];
    const tick = ticker({ onProgress: (m) => lines.push(m), onStep: (...s) => steps.push(s) });
    for (let i = 1; i <= 3; i++) tick('items', i, 3, () => `items ${i}/3`);
    expect(steps).toEqual([
      ['items', 1, 3],
      ['items', 2, 3],
      ['items', 3, 3],
    ]);
    expect(lines).toEqual([]);
  });

  it('draws bars on a terminal and plain lines anywhere else', () => {
    const pipe = fakeStream(false);
    const plain = progressDisplay(pipe.stream);
    expect(plain.kind).toBe('lines');
    expect(plain.onStep).toBeUndefined();
    plain.onProgress('pass 1: validating');
    expect(pipe.text()).toBe('  pass 1: validating\n');

    const terminal = fakeStream(true);
    const bars = progressDisplay(terminal.stream, true);
    expect(bars.kind).toBe('bars');
    bars.onStep!('writing relationships', 250, 1000);
    bars.onStep!('writing relationships', 500, 1000);
    bars.stop();
    bars.onProgress('done');
    expect(terminal.text()).toMatch(
      /writing relationships \[[█░]+\] 50% 500\/1000 \(\d+\/s, .+ left\)/,
    );
    expect(terminal.text()).toContain('  done\n');
  });

  it('shows the seconds of timed work as a bar on a terminal, and nothing more elsewhere', async () => {
    const terminal = fakeStream(true);
    const answer = await timedStep(
      progressDisplay(terminal.stream, true),
      'q1 c=16',
      1,
      () => new Promise((resolve) => setTimeout(() => resolve(42), 1100)),
    );
    expect(answer).toBe(42);
    expect(terminal.text()).toMatch(/q1 c=16 \[[█░]+\] \d+% [01]\/1/);
    const pipe = fakeStream(false);
    await expect(timedStep(progressDisplay(pipe.stream), 'q1', 1, async () => 7)).resolves.toBe(7);
    expect(pipe.text()).toBe('');
  });

  it('decides by whether stderr is a terminal (TERM=dumb counts as none)', () => {
    expect(progressDisplay(fakeStream(true).stream).kind).toBe(
      process.env.TERM === 'dumb' ? 'lines' : 'bars',
    );
    expect(progressDisplay(fakeStream(false).stream).kind).toBe('lines');
  });

  it('draws a bar in a real pseudo-terminal, and lines through a pipe', () => {
    const program = `
      import { progressDisplay } from './src/progress/display.ts';
      const d = progressDisplay();
      for (let i = 1; i <= 20; i++) d.onStep ? d.onStep('items', i * 50, 1000) : d.onProgress('items ' + i);
      d.stop();
      console.error('kind=' + d.kind);`;
    const run = (command: string, args: string[]) =>
      execFileSync(command, args, {
        encoding: 'utf8',
        env: { ...process.env, TERM: 'xterm' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    // `script` gives the command a pseudo-terminal and copies what it drew to stdout.
    const shown = run('script', [
      '-qec',
      `node --import tsx --input-type=module -e "${program.replaceAll('"', '\\"')}"`,
      '/dev/null',
    ]);
    expect(shown).toContain('kind=bars');
    expect(shown).toMatch(/items \[[█░]+\] 100% 1000\/1000/);
    const piped = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', program],
      { encoding: 'utf8', env: { ...process.env, TERM: 'xterm' } },
    ).stderr;
    expect(piped).toContain('kind=lines');
    expect(piped).toContain('  items 20\n');
    expect(piped).not.toMatch(/[█░]/);
  }, 30_000);
});
