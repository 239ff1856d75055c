// The scenario loader for Node (CLI, experiments, tests), and the one door every input file comes
// through on Node — scenarios, extended scenarios, experiment files, edge lists: regular files
// only, no bigger than a cap, decoded as strict UTF-8 (input-text.ts). Files are opened
// non-blocking and checked with fstat before a byte is read, so /dev/zero, a FIFO or a folder is
// refused at once instead of filling memory or waiting forever for a writer.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { checkSeedCustomers, EdgeListError, parseEdgeList, type EdgeList } from './edge-list.ts';
import type { Scenario } from './schema.ts';
import { issueAt, ScenarioError } from './issues.ts';
import { decodeInputText, InputFileError, JSON_FILE_LIMIT_BYTES } from './input-text.ts';
import { resolveScenario, type ResolvedScenario } from './load.ts';
import { sha256Hex } from './sha256.ts';
import type { Override } from './overrides.ts';

export interface InputLimit {
  readonly bytes: number;
  /** How to go past the cap, when there is a way ("import a smaller edge list, or …"). */
  readonly raise?: string;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Bytes in a human unit, for messages about caps. */
function showBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

const fail = (file: string, message: string): never => {
  throw new InputFileError({ file, line: 1, column: 1, where: file }, message);
};

function openInput(file: string): number {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(file, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot open (${code ?? (error as Error).message})`);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    fail(file, `is ${kindOf(stats)}, not a regular file`);
  }
  return fd;
}

/** The text of a regular file of at most `limit.bytes` bytes. Throws InputFileError. */
export function readInputFile(file: string, limit: InputLimit = { bytes: JSON_FILE_LIMIT_BYTES }): string {
  const fd = openInput(file);
  try {
    const size = fstatSync(fd).size;
    if (size > limit.bytes) fail(file, `is ${showBytes(size)}, more than the ${showBytes(limit.bytes)} this reads${limit.raise ? `; ${limit.raise}` : ''}`);
    // Read at most one byte past the size fstat gave, so a file growing meanwhile is still capped.
    const bytes = new Uint8Array(size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === bytes.length) fail(file, 'grew while it was being read');
    }
    return decodeInputText(bytes.subarray(0, length), file);
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 (hex) of a resolved scenario's canonical JSON. */
export function scenarioSha256(json: string): string {
  return sha256Hex(json);
}

/**
 * Loads, merges, overrides and validates a scenario file. Relative paths are taken from the
 * current directory and printed as given, so messages read `scenarios/x.json:14:7 …`.
 * Throws a ScenarioError listing every problem.
 */
export function loadScenarioFile(path: string, overrides: readonly Override[] = []): ResolvedScenario & { sha256: string } {
  // Forward slashes throughout, so `extends` chains compare equal on Windows too.
  const file = path.replace(/\\/g, '/');
  let text: string;
  try {
    text = readInputFile(file);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    throw new ScenarioError([issueAt(error.position, '', `cannot read the scenario file: ${error.reason}`)]);
  }
  // An extended file's problem is reported at the `extends` that named it (extends.ts).
  return resolveScenario(text, file, (extended) => readInputFile(extended), overrides);
}

/** An imported network and where it came from: the file read and its SHA-256, for manifests. */
export interface ImportedNetwork {
  readonly edges: EdgeList;
  readonly file: string;
  readonly sha256: string;
}

/**
 * Reads the edge list a scenario names: a relative network.edgeList is taken from the folder of
 * the scenario file that wrote it (`namedIn`, see ResolvedScenario.edgeListNamedIn), an absolute
 * one as given; with network.edgeListSha256 the file must still have that hash. `limit` is the
 * largest file whose import fits in memory (engine/memory-estimate.ts importLimit): a larger one is
 * refused by its size, before a byte is read.
 */
export function loadImportedNetwork(scenarioFile: string, scenario: Scenario, limit: InputLimit, namedIn = scenarioFile): ImportedNetwork | undefined {
  const { kind, edgeList, edgeListSha256 } = scenario.network;
  if (kind !== 'edge-list' || !edgeList) return undefined;
  const file = (isAbsolute(edgeList) ? edgeList : join(dirname(namedIn), edgeList)).replace(/\\/g, '/');
  let text: string;
  try {
    text = readInputFile(file, limit);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    throw new EdgeListError(`${error.message} (the edge list named by network.edgeList in ${namedIn})`);
  }
  const sha256 = scenarioSha256(text);
  if (edgeListSha256 !== undefined && sha256 !== edgeListSha256) {
    throw new EdgeListError(`${file}: the edge list has changed: network.edgeListSha256 in ${scenarioFile} expects SHA-256 ${edgeListSha256}, the file has ${sha256}`);
  }
  const edges = parseEdgeList(text, file, scenario.tiers.length);
  checkSeedCustomers(scenario, edges, file);
  return { edges, file, sha256 };
}
