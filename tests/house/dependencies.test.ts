// The one-way rule of the code's rooms (README, "How the code is laid out") is checked by
// dependency-cruiser in `npm test`; these tests show the check passes on src and fails on an
// upward import, so it cannot quietly stop checking.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');
const cruise = (cwd: string) => spawnSync(DEPCRUISE, ['--config', join(ROOT, '.dependency-cruiser.cjs'), 'src', '--output-type', 'err'], { cwd, encoding: 'utf8' });

describe('the dependency rule', () => {
  it('holds for the sources, reading every module', () => {
    const result = cruise(ROOT);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const modules = Number(/(\d+) modules/.exec(result.stdout)?.[1]);
    expect(modules).toBeGreaterThan(100);
  });

  it('fails on an engine module that imports the command line', () => {
    const result = cruise(join(ROOT, 'tests', 'house', 'upward-import'));
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('engine-imports-upward: src/engine/kernel.ts → src/cli/command.ts');
  });
});
