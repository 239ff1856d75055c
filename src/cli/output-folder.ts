// Every output folder (`run`, `experiment`, `compare`, `fit` and `merge` --out) is checked here
// before any work starts: a part of its path that is a file, or a place this process cannot
// write, would otherwise surface only after the simulation, as a stack trace.
import { mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './errors.ts';

function kind(path: string): 'folder' | 'other' | 'absent' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'absent';
    // ENOTDIR: a part of the path above is a file; reported by the walk up.
    if (code === 'ENOTDIR') return 'absent';
    throw new InputError(`cannot look at ${path}: ${code ?? (error as Error).message}`);
  }
}

/** Creates and removes a probe folder in `dir`: the only honest test (access() says yes to root on a read-only folder). */
function assertCanWriteIn(dir: string, out: string): void {
  let probe: string;
  try {
    probe = mkdtempSync(resolve(dir, '.tierwave-probe-'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'a read-only file system' : code === 'ENOSPC' ? 'no space left' : (code ?? (error as Error).message);
    throw new InputError(`${out}: cannot write in ${dir} (${why}); choose another --out`);
  }
  rmdirSync(probe);
}

/**
 * Throws an InputError unless `out` can become an output folder: it is a folder or absent, every
 * part of its path that exists is a folder, and both the folder (if it exists) and the folder
 * beside it (where the temporary copy is written and renamed from) can be written.
 */
export function assertWritableFolder(out: string): void {
  const target = resolve(out);
  const here = kind(target);
  if (here === 'other') throw new InputError(`${out}: exists and is not a folder; choose another --out`);
  let parent = dirname(target);
  for (let above = target; kind(parent) === 'absent' && parent !== above; above = parent, parent = dirname(parent));
  if (kind(parent) !== 'folder') throw new InputError(`${out}: ${parent} is a file, so no folder can be made under it; choose another --out`);
  assertCanWriteIn(parent, out);
  if (here === 'folder') assertCanWriteIn(target, out);
}
