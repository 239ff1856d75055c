// How many bytes a world will take, before anything is allocated, so an impossible size is
// refused with the estimate instead of failing (or swapping) half-way through setup.
import type { Scenario } from '../scenario/types.ts';
import { STATE_BYTES_PER_AGENT } from './state.ts';

/** Population traits and neighbourhood layout per agent. */
const TRAIT_BYTES = 1 + 1 + 4 + 4 + 4 + 4 + 4;

export interface MemoryEstimate {
  readonly bytes: number;
  readonly perAgent: number;
  readonly parts: Record<string, number>;
}

export interface EstimateOptions {
  /** Who told whom is read out after the run: one Int32 per customer, at most one per agent. */
  readonly cascades?: boolean;
}

export function estimateMemory(scenario: Scenario, workers = 1, options: EstimateOptions = {}): MemoryEstimate {
  const n = scenario.population.agents;
  const net = scenario.network;
  let meanDegree = 0;
  if (net.kind === 'erdos-renyi') meanDegree = net.meanDegree;
  else if (net.kind === 'generated') meanDegree = scenario.tiers.reduce((s, t) => s + t.share * t.meanFriends, 0);
  else if (net.kind === 'regular' || net.kind === 'small-world') meanDegree = net.degree;
  else if (net.kind === 'edge-list') meanDegree = 20;
  const memberships = net.kind === 'generated' ? net.groups.perAgent : 0;
  const parts = {
    traits: n * TRAIT_BYTES,
    state: n * STATE_BYTES_PER_AGENT,
    ties: n * 4 + n * meanDegree * 4,
    // Building ties keeps, beside the final rows, the forward list and the partitioned mirror
    // entries (Erdős–Rényi: 10 bytes per tie) or the sampled pairs (8 bytes per tie); a regular
    // graph also keeps its unpaired ends and each agent's friends (16 bytes per tie).
    tieBuilding: ((n * meanDegree) / 2) * (net.kind === 'erdos-renyi' ? 10 : net.kind === 'regular' ? 24 : 8),
    groups: n * memberships * 8 + n * 4,
    // Threshold contagion: each agent's count of friends still needed (a Uint16).
    threshold: scenario.threshold ? n * 2 : 0,
    // Per worker: event queues, word-of-mouth table, record logs.
    workers: workers * n * 16,
    cascades: options.cascades ? n * 4 : 0,
  };
  const bytes = Object.values(parts).reduce((a, b) => a + b, 0);
  return { bytes, perAgent: bytes / Math.max(1, n), parts };
}

export class WorldTooLargeError extends Error {
  constructor(
    readonly estimate: MemoryEstimate,
    readonly limitBytes: number,
  ) {
    super(
      `this world needs about ${gib(estimate.bytes)} GiB (${Math.round(estimate.perAgent)} bytes per agent) but at most ${gib(limitBytes)} GiB is available: lower population.agents or the network's mean degree`,
    );
    this.name = 'WorldTooLargeError';
  }
}

function gib(bytes: number): string {
  return (bytes / 2 ** 30).toFixed(2);
}

export function assertFits(scenario: Scenario, workers: number, limitBytes: number, options: EstimateOptions = {}): MemoryEstimate {
  const estimate = estimateMemory(scenario, workers, options);
  if (estimate.bytes > limitBytes) throw new WorldTooLargeError(estimate, limitBytes);
  return estimate;
}

/**
 * Peak bytes of importing an edge list, per byte of the file: the bytes and the text (1–2 bytes a
 * character), the ties (8 bytes a line, doubled while growing) and the map of distinct ids (≈100
 * bytes each). Measured here: 3.2 for 10⁷ lines over 10⁶ ids, 11.4 when nearly every id is new;
 * the estimate takes the worst case.
 */
export const IMPORT_BYTES_PER_FILE_BYTE = 12;

/**
 * The largest edge-list file that can be imported within `limitBytes`, and what to do about a
 * larger one: the cap the file door (scenario/node.ts) checks before reading a byte.
 */
export function importLimit(limitBytes: number): { bytes: number; raise: string } {
  return {
    bytes: Math.floor(limitBytes / IMPORT_BYTES_PER_FILE_BYTE),
    raise: `importing takes up to ${IMPORT_BYTES_PER_FILE_BYTE} bytes of memory per byte of the file and at most ${gib(limitBytes)} GiB is available: import a smaller edge list, or run on a machine with more memory`,
  };
}
