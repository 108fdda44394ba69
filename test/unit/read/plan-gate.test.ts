import { describe, expect, it } from 'vitest';
import { PlanGate } from '../../../src/read/plan-gate.js';

/** A run that records when it starts and ends, and finishes when told to. */
function controlledRuns() {
  const log: string[] = [];
  const finishers: Array<(ok: boolean) => void> = [];
  const run = (name: string) => () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      finishers.push((ok) => {
        log.push(`end ${name}`);
        if (ok) resolve(name);
        else reject(new Error(`${name} failed`));
      });
    });
  return { log, finishers, run };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('the plan gate', () => {
  it('runs the first of a new text alone, then the herd at once', async () => {
    const gate = new PlanGate();
    const { log, finishers, run } = controlledRuns();
    const answers = [gate.run('q', run('a')), gate.run('q', run('b')), gate.run('q', run('c'))];
    await turn();
    expect(log).toEqual(['start a']);
    finishers[0]!(true);
    await turn();
    expect(log).toEqual(['start a', 'end a', 'start b', 'start c']);
    finishers[1]!(true);
    finishers[2]!(true);
    expect(await Promise.all(answers)).toEqual(['a', 'b', 'c']);
    // Planned: no more waiting, and other texts never waited for this one.
    void gate.run('q', run('d'));
    void gate.run('other', run('e'));
    await turn();
    expect(log.slice(-2)).toEqual(['start d', 'start e']);
  });

  it('lets the next arrival go first when the first run fails, and reports only its own outcome', async () => {
    const gate = new PlanGate();
    const { log, finishers, run } = controlledRuns();
    const first = gate.run('q', run('a'));
    const second = gate.run('q', run('b'));
    const third = gate.run('q', run('c'));
    finishers[0]!(false);
    await expect(first).rejects.toThrow('a failed');
    await turn();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    finishers[1]!(true);
    await turn();
    finishers[2]!(true);
    expect([await second, await third]).toEqual(['b', 'c']);
  });

  it('forgets what was planned when Neo4j was away', async () => {
    const gate = new PlanGate();
    const { log, finishers, run } = controlledRuns();
    const first = gate.run('q', run('a'));
    finishers[0]!(true);
    await first;
    gate.forget();
    void gate.run('q', run('b'));
    void gate.run('q', run('c'));
    await turn();
    expect(log).toEqual(['start a', 'end a', 'start b']);
  });
});
