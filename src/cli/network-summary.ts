// The realised network as summary.json records it (and `tierwave network --json` would): tiers
// keyed by name, figures rounded to what is meaningful, the method of the clustering estimate said.
import { WEDGES_PER_TIER, type DegreeFigures, type NetworkReport, type TierNetwork } from '../engine/index.ts';

const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

const degree = (d: DegreeFigures) => ({ mean: round(d.mean), variance: round(d.variance), q50: d.q50, q90: d.q90, q99: d.q99, max: d.max });

const tier = (t: TierNetwork) => ({ agents: t.agents, degree: degree(t.degree), asked_mean_degree: round(t.askedDegree), clustering: round(t.clustering) });

export function networkSummary(report: NetworkReport, keys: readonly string[]) {
  return {
    kind: report.kind,
    ties: report.ties,
    clustering_method: `global transitivity (3 × triangles / connected triples centred on the tier's agents), estimated from ${WEDGES_PER_TIER} uniformly drawn wedges per tier (seeded)`,
    tiers: Object.fromEntries(keys.map((key, t) => [key, tier(report.tiers[t])])),
    all: tier(report.all),
    mixing: {
      tiers: [...keys],
      realised: report.mixing.realised.map((row) => row.map((x) => round(x))),
      asked: report.mixing.asked?.map((row) => row.map((x) => round(x))) ?? null,
    },
    groups: { count: report.groups.count, size: report.groups.size ? degree(report.groups.size) : null, memberships_per_agent: round(report.groups.membershipsPerAgent) },
  };
}
