// Who told whom: every first purchase with the friend whose share or word of mouth converted it,
// read from the agent state after a run (state.ts keeps adoptDay, firstChannel and firstSource for
// every agent anyway, so recording costs nothing while the world runs). Same-day rivals were
// settled as the records were applied (day-phase2.ts: the smallest channel, then the smallest
// source), a rule that does not depend on arrival order, so the rows are the same on any number of
// workers. Reading them out costs one Int32 per customer: their order, by day then agent.
import type { AgentState } from './state.ts';
import { NEVER } from './state.ts';
import type { Population } from './population.ts';

/**
 * Customers ordered by the day of their first purchase, then by agent: a counting sort over the
 * days (`days` + 1 of them), two passes over the agents, 4 bytes per customer.
 */
export function cascadeOrder(state: AgentState, days: number): Int32Array {
  const adoptDay = state.adoptDay;
  const starts = new Int32Array(days + 2);
  for (let i = 0; i < adoptDay.length; i++) {
    const day = adoptDay[i];
    if (day !== NEVER) starts[day + 1]++;
  }
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  const order = new Int32Array(starts[days + 1]);
  for (let i = 0; i < adoptDay.length; i++) {
    const day = adoptDay[i];
    if (day !== NEVER) order[starts[day]++] = i;
  }
  return order;
}

/** Rows of the cascade table, columnar: one entry per first purchase. */
export interface CascadeRows {
  readonly agent: Int32Array;
  /** Tier index (0-based) of the buyer. */
  readonly tier: Uint8Array;
  readonly day: Int16Array;
  /** Channel index of the converting exposure (parameters.ts CH_*). */
  readonly channel: Int8Array;
  /** The friend who converted the buyer, or −1 (ad, offline, organic, an initial customer, or word
   *  of mouth in a fully mixed population, where no one friend is singled out). */
  readonly source: Int32Array;
  /** Tier index of the source, or −1 without one. */
  readonly sourceTier: Int8Array;
}

/** Rows order[from .. to). */
export function cascadeRows(state: AgentState, population: Population, order: Int32Array, from: number, to: number): CascadeRows {
  const n = Math.max(0, Math.min(to, order.length) - from);
  const rows = {
    agent: new Int32Array(n),
    tier: new Uint8Array(n),
    day: new Int16Array(n),
    channel: new Int8Array(n),
    source: new Int32Array(n),
    sourceTier: new Int8Array(n),
  };
  const tier = population.tier;
  for (let k = 0; k < n; k++) {
    const agent = order[from + k];
    const source = state.firstSource[agent];
    rows.agent[k] = agent;
    rows.tier[k] = tier[agent];
    rows.day[k] = state.adoptDay[agent];
    rows.channel[k] = state.firstChannel[agent];
    rows.source[k] = source;
    rows.sourceTier[k] = source >= 0 ? tier[source] : -1;
  }
  return rows;
}

/** Links of one followed share: buyers with the friend who converted each (columnar, as CascadeRows). */
export interface ShareTrail {
  /** From the followed agent back towards the first customer: chain.agent[0] is the followed agent,
   *  each next entry the source of the one before. Ends at an agent no friend converted, or at a
   *  source who had not bought yet (a bargain link from an aware non-buyer), or when it would
   *  repeat an agent. */
  readonly chain: CascadeRows;
  /** The cascade the chain's first customer started: it, then everyone converted by a member
   *  before, in the order of cascadeOrder, at most `limit` of them. */
  readonly cascade: CascadeRows;
  /** Members of that cascade, counted to the end even when `limit` cut the list. */
  readonly cascadeSize: number;
}

function rowsOf(state: AgentState, population: Population, agents: readonly number[]): CascadeRows {
  return cascadeRows(state, population, Int32Array.from(agents), 0, agents.length);
}

/**
 * Follows a share from `agent`: who told it, who told them, back to a first customer, and the
 * whole cascade that customer started. One pass over the customers in day order finds the cascade:
 * a source bought before the friends it converted (only a bargain link breaks that, and its friends
 * then belong to no purchase cascade), so a member is always met before those it converted.
 */
export function followShare(state: AgentState, population: Population, days: number, agent: number, limit: number): ShareTrail {
  const chain = [agent];
  for (let at = agent; ; ) {
    const source = state.firstSource[at];
    if (source < 0 || state.adoptDay[source] >= state.adoptDay[at] || chain.includes(source)) break;
    chain.push(source);
    at = source;
  }
  const root = chain[chain.length - 1];
  const members = new Set<number>();
  const listed: number[] = [];
  if (state.adoptDay[root] !== NEVER) {
    const order = cascadeOrder(state, days);
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (i !== root && !members.has(state.firstSource[i])) continue;
      members.add(i);
      if (listed.length < limit) listed.push(i);
    }
  }
  return { chain: rowsOf(state, population, chain), cascade: rowsOf(state, population, listed), cascadeSize: members.size };
}
