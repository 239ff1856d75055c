// manifest.json: everything needed to trust, trace and repeat an experiment's folder — the tool
// version, the command, every world's scenario hash and overrides, the seeds and how they were
// derived. Browser-safe, so the page exports the same manifest for what it ran.
import type { Design } from './design.ts';
import type { Shard } from './plan.ts';
import { SEED_SCHEME } from './seeds.ts';

export interface ManifestInput {
  readonly tool: { readonly name: string; readonly version: string };
  /** Where it ran: `node v20.20.2`, or the browser's user agent. */
  readonly runtime: string;
  readonly command: string;
  readonly design: Design;
  readonly planSha256: string;
  readonly shard?: Shard;
  readonly experiment?: { readonly file: string; readonly sha256: string };
  readonly runs: { readonly planned: number; readonly inShard: number; readonly done: number };
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly complete: boolean;
  readonly mergedFrom?: readonly string[];
}

export const shardText = (shard: Shard | undefined): string | null => (shard ? `${shard.index}/${shard.count}` : null);

export function experimentManifest(input: ManifestInput) {
  const { design } = input;
  return {
    tool: { name: input.tool.name, version: input.tool.version },
    runtime: input.runtime,
    command: input.command,
    experiment: { name: design.name, file: input.experiment?.file ?? null, sha256: input.experiment?.sha256 ?? null },
    plan_sha256: input.planSha256,
    master_seed: design.masterSeed,
    seed_scheme: SEED_SCHEME,
    replicates: design.replicates,
    seeds: design.seeds,
    baseline: design.baseline,
    variants: design.variants,
    configurations: design.configurations.map((c) => ({
      variant: c.variant,
      parameters: c.parameters,
      scenario_file: c.scenarioFile,
      scenario_name: c.scenario.name,
      scenario_sha256: c.sha256,
      ...(c.network ? { edge_list: { file: c.network.file, sha256: c.network.sha256, rows: c.network.ties.length } } : {}),
      overrides: c.overrides,
      ...(c.warnings.length > 0 ? { warnings: c.warnings.map((w) => w.message) } : {}),
      agents: c.scenario.population.agents,
      start: c.scenario.start,
      days: c.scenario.days,
    })),
    report: design.report,
    ...(design.alignment && design.alignment.length > 0 ? { alignment: design.alignment } : {}),
    // Observed figures the runs were scored against (fit.csv); `merge` scores the merged runs again.
    ...(design.targets.length > 0 ? { targets: design.targets } : {}),
    // A morris or sobol design, its outputs and intervals; `merge` computes sensitivity.csv from it.
    ...(design.sensitivity ? { sensitivity: design.sensitivity } : {}),
    shard: shardText(input.shard),
    runs: { planned: input.runs.planned, in_shard: input.runs.inShard, done: input.runs.done },
    ...(input.mergedFrom ? { merged_from: input.mergedFrom } : {}),
    started_at: input.startedAt,
    finished_at: input.finishedAt ?? null,
    complete: input.complete,
  };
}

export type ExperimentManifest = ReturnType<typeof experimentManifest>;

export function manifestJson(manifest: object): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
