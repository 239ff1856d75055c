// Mutable per-agent state. The daily kernel reaches agents in random order (the friend of a
// sharer, the target of a record), touching several fields of the same agent each time, so these
// fields live together in one 32-byte record per agent — one cache line serves them all — seen
// through typed views of one buffer. Days are Int16 (a run is at most 20,000 days); NEVER marks
// "no such day".
import type { Allocate } from './memory.ts';

export const UNAWARE = 0;
export const AWARE = 1;
export const CUSTOMER = 2;
export const LAPSED = 3;
export const NEVER = 32767;

/** Bytes per agent record. */
export const RECORD_BYTES = 32;
/** Byte 0 of the record (Uint8 view, index agent·32): UNAWARE → AWARE → CUSTOMER ⇄ LAPSED. */
export const STATUS = 0;
/** Byte 1 (Int8 view, index agent·32 + 1): channel of the first purchase, −1 before it. */
export const FIRST_CHANNEL = 1;
// Int16 / Uint16 views, index agent·16 + slot:
export const AWARE_DAY = 1;
/** Day of the first purchase, or NEVER. */
export const ADOPT_DAY = 2;
export const LAST_PURCHASE = 3;
/** Purchases so far, saturating at 65,535 (Uint16). */
export const PURCHASES = 4;
/** Social exposures read before today, for reinforcement (Uint16, saturating). */
export const SOCIAL_SEEN = 5;
/** Scheduled days of pending events; stale queue entries are recognised and skipped. */
export const NEXT_EXTERNAL = 6;
export const NEXT_REPEAT = 7;
// Int32 / Float32 views, index agent·8 + slot:
/** The friend whose share triggered the first purchase, −1 if none. */
export const FIRST_SOURCE = 4;
/** The friend whose word of mouth is due first. */
export const WORD_OF_MOUTH_SOURCE = 5;
/** Float32: ln(1 − τ), τ the daily chance one customer friend's word of mouth converts this agent;
 *  0 while the agent is a customer or where word of mouth is off. */
export const WORD_OF_MOUTH_STAY = 6;
/** The earliest day a friend's word of mouth is due to convert this agent, or NEVER. */
export const WORD_OF_MOUTH_DAY = 7;

export interface AgentState {
  readonly agents: number;
  readonly u8: Uint8Array;
  readonly i8: Int8Array;
  readonly i16: Int16Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  readonly f32: Float32Array;
}

export const STATE_BYTES_PER_AGENT = RECORD_BYTES;

export function stateViews(buffer: ArrayBufferLike, agents: number): AgentState {
  return {
    agents,
    u8: new Uint8Array(buffer),
    i8: new Int8Array(buffer),
    i16: new Int16Array(buffer),
    u16: new Uint16Array(buffer),
    i32: new Int32Array(buffer),
    f32: new Float32Array(buffer),
  };
}

export function createState(agents: number, allocate: Allocate): AgentState {
  const s = stateViews(allocate(agents * RECORD_BYTES), agents);
  for (let a = 0; a < agents; a++) {
    const h = a * 16;
    const w = a * 8;
    s.i8[a * 32 + FIRST_CHANNEL] = -1;
    s.i16[h + AWARE_DAY] = NEVER;
    s.i16[h + ADOPT_DAY] = NEVER;
    s.i16[h + LAST_PURCHASE] = NEVER;
    s.i16[h + NEXT_EXTERNAL] = NEVER;
    s.i16[h + NEXT_REPEAT] = NEVER;
    s.i32[w + FIRST_SOURCE] = -1;
    s.i32[w + WORD_OF_MOUTH_SOURCE] = -1;
    s.i32[w + WORD_OF_MOUTH_DAY] = NEVER;
  }
  return s;
}
