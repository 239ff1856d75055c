#!/usr/bin/env node
// `npm test` runs real-browser tests in Debian's Chromium (playwright-core drives it; nothing is
// downloaded). On a fresh machine of this project's kind we are root with apt: install it then.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    console.error(`The browser tests need Debian's Chromium at ${CHROMIUM}: run \`sudo apt-get install -y chromium\`, then npm test again.`);
    process.exit(1);
  }
  console.error(`Installing Debian's Chromium for the browser tests (apt-get install -y chromium)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}); install chromium by hand, then npm test again.`);
      process.exit(1);
    }
  }
}
