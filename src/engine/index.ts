// The engine's public face: what the runtime (workers, the driver) and the rooms above use to build
// a world and step its days. Everything else in src/engine is the engine's own business.
export { dayParameters, type DayParameters } from './parameters.ts';
export { WorldBuilder, runBuildTasks, createParts, compiledWordOfMouthPays, type WorldRequest, type SharedBuild } from './build.ts';
export { createWorld, agentRange, type World, type WorldParts, type CustomerList } from './world.ts';
export { dayLoop, type DayLoop, type DayPause, type DayAnswer } from './day-loop.ts';
export { simulate, runWorld, flowMatrix, type RunResult, type SimulateOptions } from './simulation.ts';
export { Ledger, DAILY_METRICS, METRIC_COUNT, seriesLength, seriesValue, type DailyMetric, type DailySeries } from './metrics.ts';
export { RecordLog, RECORD_INTS } from './record-log.ts';
export { cascadeOrder, cascadeRows, followShare, type CascadeRows, type ShareTrail } from './cascades.ts';
export { NEVER } from './state.ts';
export { allocateLocal, allocateShared } from './memory.ts';
export { wordOfMouthKernel, type WordOfMouthKernel } from './compiled-word-of-mouth.ts';
export { estimateMemory, assertFits, importLimit, WorldTooLargeError, type MemoryEstimate, type EstimateOptions } from './memory-estimate.ts';
export { headline, representedPeople, HEADLINE_FIGURES, type Headline, type HeadlineFigure, type HeadlineKey } from './headline.ts';
export { dateOfDay, dayOfDate, type Marker } from './calendar.ts';
export { networkReport, WEDGES_PER_TIER, type NetworkReport, type TierNetwork, type DegreeFigures } from './network-report.ts';
export type { Population } from './population.ts';
export type { Ties } from './ties.ts';
export type { Groups } from './groups.ts';
