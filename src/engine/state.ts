// Mutable per-agent state, struct-of-arrays. Days are Int16 (a run is at most 20,000 days);
// NEVER marks "no such day".
import { arrays, type Allocate, type Arrays } from './memory.ts';

export const UNAWARE = 0;
export const AWARE = 1;
export const CUSTOMER = 2;
export const LAPSED = 3;
export const NEVER = 32767;

export interface AgentState {
  /** UNAWARE → AWARE → CUSTOMER ⇄ LAPSED. */
  readonly status: Uint8Array;
  readonly awareDay: Int16Array;
  /** Day of the first purchase, or NEVER. */
  readonly adoptDay: Int16Array;
  readonly lastPurchase: Int16Array;
  /** Purchases so far (saturates at 65,535). */
  readonly purchases: Uint16Array;
  /** Channel of the first purchase (attribution), −1 before it. */
  readonly firstChannel: Int8Array;
  /** The friend whose share triggered the first purchase, −1 if none. */
  readonly firstSource: Int32Array;
  /** Social exposures seen before today, for reinforcement (saturates). */
  readonly socialSeen: Uint16Array;
  /** Scheduled days of this agent's pending events (stale queue entries are skipped). */
  readonly nextExternal: Int16Array;
  readonly nextRepeat: Int16Array;
  readonly wordOfMouthSource: Int32Array;
}

/**
 * Word of mouth, interleaved per agent in one 8-byte slot so a tie costs one memory access:
 * pace[2i] = 1 / ln(1 − τ_i), τ the daily chance that one customer friend converts i, so the days
 * until a tie works are 1 + floor(ln U · pace); 0 while i is a customer or where word of mouth is
 * off. day[2i + 1] = the earliest day a friend's word of mouth is due to convert i, or NEVER.
 */
export interface WordOfMouthTable {
  readonly pace: Float32Array;
  readonly day: Int32Array;
}

/** `hot` makes the table (see kernel-memory.ts). */
export function createWordOfMouth(agents: number, allocate: Allocate, enabled: boolean, hot: Arrays = arrays(allocate)): WordOfMouthTable {
  const day = hot.i32(enabled ? 2 * agents : 0);
  const table = { pace: new Float32Array(day.buffer, day.byteOffset, day.length), day };
  for (let i = 0; i < (enabled ? agents : 0); i++) table.day[2 * i + 1] = NEVER;
  return table;
}

export const STATE_BYTES_PER_AGENT = 1 + 2 + 2 + 2 + 2 + 1 + 4 + 2 + 2 + 2 + 4 + 8;

/** `hot` makes the arrays word of mouth reads, status and wordOfMouthSource (see kernel-memory.ts). */
export function createState(agents: number, allocate: Allocate, hot: Arrays = arrays(allocate)): AgentState {
  const mem = arrays(allocate);
  return {
    status: hot.u8(agents),
    awareDay: mem.i16(agents).fill(NEVER),
    adoptDay: mem.i16(agents).fill(NEVER),
    lastPurchase: mem.i16(agents).fill(NEVER),
    purchases: mem.u16(agents),
    firstChannel: mem.i8(agents).fill(-1),
    firstSource: mem.i32(agents).fill(-1),
    socialSeen: mem.u16(agents),
    nextExternal: mem.i16(agents).fill(NEVER),
    nextRepeat: mem.i16(agents).fill(NEVER),
    wordOfMouthSource: hot.i32(agents).fill(-1),
  };
}
