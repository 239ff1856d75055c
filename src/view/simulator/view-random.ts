// The view's own random stream (sampling agents, placing them): derived from the run's seed and a
// purpose word, never from the engine's streams, so drawing the picture cannot change the model.

export type ViewRandom = () => number;

/** FNV-1a hash of the purpose word mixed with the seed: different purposes get unrelated streams. */
function mix(seed: number, purpose: string): number {
  let h = 2166136261 ^ (seed >>> 0);
  for (let i = 0; i < purpose.length; i++) h = Math.imul(h ^ purpose.charCodeAt(i), 16777619);
  return Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
}

/** mulberry32: small, fast and good enough for placing dots; uniform in [0, 1). */
export function viewRandom(seed: number, purpose: string): ViewRandom {
  let state = mix(seed, `view:${purpose}`);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
