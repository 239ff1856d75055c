// The public face of experiments: the commands for the CLI, and the pieces the page and other tools
// build on (experiment files, designs, seeds, statistics).
export { registerExperimentCommands, nodeExperimentMachine } from './commands.ts';
export { compareCommand } from './compare-command.ts';
export { experimentCommand, commandLineOverrides, type ExperimentOptionValues, type SharedOptionValues } from './experiment-command.ts';
export { mergeCommand } from './merge-command.ts';
export { runIntoFolder, type FolderRunOptions } from './folder-run.ts';
export { executeDesign, type ExperimentMachine } from './execute.ts';
export { parseExperiment } from './experiment-file.ts';
export { loadExperimentDesign, compareDesign } from './load-node.ts';
export { resolveDesign, type Design, type Configuration } from './design.ts';
export { planRuns, parseShard, planSha256, type PlannedRun, type Shard } from './plan.ts';
export { replicateSeed, replicateSeeds, SEED_SCHEME } from './seeds.ts';
export { experimentSchema, experimentJsonSchema, type Experiment } from './schema.ts';
export { DEFAULT_REPORT, RUN_COLUMNS, runRows, type ReportSpec, type RunRow } from './report.ts';
export { statsRows, diffRows, replicatesNeeded, STATS_COLUMNS, DIFF_COLUMNS, type StatsRow, type DiffRow } from './stats.ts';
export { EXPERIMENT_FILES, parseRunsCsv } from './run-folder.ts';
