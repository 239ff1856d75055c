// The scenario's types for code that must not load zod (the engine runs in every worker). Written
// as type imports, which compile to nothing: the schema module itself is never loaded through here.
export type Scenario = import('./schema.ts').Scenario;
export type Tier = import('./schema.ts').Tier;
export type Festival = import('./schema.ts').Festival;
export type Intervention = import('./schema.ts').Intervention;

/** The ties of an imported network (an edge list) as the engine takes them: pairs of agent numbers (u[k], v[k]). */
export interface ImportedTies {
  readonly u: Uint32Array;
  readonly v: Uint32Array;
  readonly length: number;
  /** Tier index (0-based) per agent when the file gives tiers. */
  readonly tiers?: Uint8Array;
}
