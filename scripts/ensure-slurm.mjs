#!/usr/bin/env node
// `npm test` runs the cluster path on a real one-node Slurm (tests/cluster/slurm.test.ts), with
// Debian's slurm-wlm and munge. On a fresh machine of this project's kind we are root with apt:
// install them then, as scripts/ensure-chromium.mjs does for the browser. Elsewhere that test is
// skipped (its daemons need root), so a missing Slurm is said, not fatal.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const PROGRAMS = ['/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/sbin/munged', '/usr/bin/sbatch'];
if (!PROGRAMS.every((path) => existsSync(path))) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    console.error('The Slurm test needs root and Debian\'s slurm-wlm and munge (`sudo apt-get install -y slurm-wlm munge`); it is skipped here.');
    process.exit(0);
  }
  console.error('Installing Slurm and munge for the cluster test (apt-get install -y slurm-wlm munge)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'slurm-wlm', 'munge']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}); install slurm-wlm and munge by hand, then npm test again.`);
      process.exit(1);
    }
  }
}
