import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SMALL_WORLD, tierwave } from './tierwave.ts';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('tierwave usage', () => {
  it('--version prints the package version and exits 0', async () => {
    const result = await tierwave('--version');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it.each([[[] as string[]], [['run']], [['validate']]])('--help works on every command (%j)', async (command) => {
    const result = await tierwave(...command, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: tierwave/);
  });

  it.each([
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an unknown option', ['run', SMALL_WORLD, '--frobnicate'], /unknown option '--frobnicate'/],
    ['a missing scenario argument', ['run'], /missing required argument 'scenario'/],
    ['a missing file list', ['validate'], /missing required argument 'files'/],
    ['a seed that is not a whole number', ['run', SMALL_WORLD, '--seed', '7x'], /--seed <n>.*'7x' is invalid/],
    ['a seed beyond 32 bits', ['run', SMALL_WORLD, '--seed', '4294967296'], /--seed <n>.*is invalid/],
    ['agents that are not a number', ['run', SMALL_WORLD, '--agents', 'many'], /--agents <n>.*'many' is invalid/],
    ['zero workers', ['run', SMALL_WORLD, '--workers', '0'], /--workers <n>.*'0' is invalid/],
    ['an option without its value', ['run', SMALL_WORLD, '--out'], /option '--out <dir>' argument missing/],
  ])('exits 2 with the reason on stderr for %s', async (_, args, message) => {
    const result = await tierwave(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 and prints the help on stderr when no command is given', async () => {
    const result = await tierwave();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: tierwave/);
  });
});
