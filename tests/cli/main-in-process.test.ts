import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, nodeMachine } from '../../src/cli/main.ts';
import type { RunMachine } from '../../src/cli/run-command.ts';
import type { RunScenario } from '../../src/runtime/run.ts';
import { simulate } from '../../src/engine/simulation.ts';
import { ROOT, SMALL_WORLD, scratchDir } from './tierwave.ts';

/** The engine's reference path, in this thread, behind the same RunScenario contract as the workers. */
const runInThread: RunScenario = async (scenario, options) => {
  const started = performance.now();
  const result = simulate(scenario, { seed: options.seed, onDay: (day) => void options.onDay?.(day, scenario.days) });
  return { ...result, workers: 0, timings: { setupSeconds: 0, simulationSeconds: (performance.now() - started) / 1000, wordOfMouth: 'typescript' } };
};

/** A stream that is not a terminal, so no progress bar is drawn. */
function stream(onText: (text: string) => void = () => undefined): NodeJS.WriteStream {
  return { write: (text: string) => (onText(text), true), isTTY: false } as unknown as NodeJS.WriteStream;
}

describe('main (in process)', () => {
  it('runs the same command over worker threads and in-thread with identical daily.csv', async () => {
    const scratch = scratchDir('in-process');
    const scenario = join(ROOT, SMALL_WORLD);
    const inThread: RunMachine = { ...nodeMachine, run: runInThread };
    const out = { stdout: stream(), stderr: stream() };
    const codes = [
      await main(['run', scenario, '--out', join(scratch, 'workers'), '--quiet'], out, nodeMachine),
      await main(['run', scenario, '--out', join(scratch, 'in-thread'), '--quiet'], out, inThread),
    ];
    expect(codes).toEqual([0, 0]);
    const daily = (name: string) => readFileSync(join(scratch, name, 'daily.csv'), 'utf8');
    expect(daily('in-thread')).toBe(daily('workers'));
  });

  it('returns the exit code instead of exiting, and writes errors to the given stream', async () => {
    let stderr = '';
    const io = { stdout: stream(), stderr: stream((text) => (stderr += text)) };
    expect(await main(['run', join(ROOT, 'tests/scenario/fixtures/bad-base.json')], io, nodeMachine)).toBe(1);
    expect(stderr).toContain('tiers[2].share: expected a number in [0, 1], got "0.17"');
    expect(await main(['run', join(ROOT, SMALL_WORLD), '--seed', 'x'], io, nodeMachine)).toBe(2);
  });
});
