// Who wrote a run folder: the name and version from package.json, so a summary.json can be traced
// back to the code that produced it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Tool {
  readonly name: string;
  readonly version: string;
}

/** Read once per call (no module-level cache): cheap, and it keeps this module free of state.
 *  Searched upwards, because this code runs both from src/cli and bundled in dist-node. */
export function readTool(): Tool {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  const { name, version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Tool;
  return { name, version };
}
