// Who wrote a run folder: the name and version from package.json, so a summary.json can be traced
// back to the code that produced it.
import { readFileSync } from 'node:fs';

export interface Tool {
  readonly name: string;
  readonly version: string;
}

/** Read once per call (no module-level cache): cheap, and it keeps this module free of state. */
export function readTool(): Tool {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const { name, version } = JSON.parse(text) as Tool;
  return { name, version };
}
