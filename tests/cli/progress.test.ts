import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createProgress } from '../../src/cli/progress.ts';

function terminal(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('createProgress', () => {
  it('draws day, total days, agents, days/s and ETA on a terminal', async () => {
    const tty = terminal(true);
    const progress = createProgress(tty.stream, false);
    progress.start(400, 1_000_000);
    progress.day(10);
    await new Promise((resolve) => setTimeout(resolve, 20));
    progress.day(200);
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(tty.text()).toMatch(/day 200\/400 \[.*\] 1,000,000 agents \| [\d.]+ days\/s \| ETA \d+s/);
  });

  it('writes nothing when the stream is not a terminal, or with --quiet', () => {
    for (const [isTTY, quiet] of [[false, false], [true, true]]) {
      const out = terminal(isTTY);
      const progress = createProgress(out.stream, quiet);
      progress.start(10, 100);
      progress.day(5);
      progress.stop();
      expect(out.text()).toBe('');
    }
  });
});
