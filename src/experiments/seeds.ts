// Replicate seeds. Every run of replicate r uses the same seed whatever its variant or sweep point
// (common random numbers): the same population, network and daily draws wherever the variants
// agree, so a variant-minus-baseline difference shows the lever, not the luck of two seeds.
import { sha256Words } from '../scenario/sha256.ts';

export const SEED_SCHEME =
  'seed of replicate r (counted from 0) = the first 8 hex digits of SHA-256("<masterSeed>:<r>") as an unsigned 32-bit integer, ' +
  "e.g. printf '2014:0' | sha256sum | cut -c1-8; every variant and sweep point of replicate r uses that seed (common random numbers)";

/** The seed of replicate `replicate` under master seed `masterSeed` (see SEED_SCHEME). */
export function replicateSeed(masterSeed: number, replicate: number): number {
  return sha256Words(`${masterSeed}:${replicate}`)[0];
}

export function replicateSeeds(masterSeed: number, replicates: number): number[] {
  return Array.from({ length: replicates }, (_, r) => replicateSeed(masterSeed, r));
}
