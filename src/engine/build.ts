// Building a world: the population laid out, its traits drawn, its network made, then agent state.
// On shared memory several workers share the work in steps; each step is a list of tasks, and worker
// w of W runs tasks w, w + W, … — so with two workers the traits are drawn while the ties are
// built, and an Erdős–Rényi graph is built by all of them. In one thread the same steps run in turn.
// The result is the same however the tasks were spread: every task draws from a stream of its own.
import type { ImportedTies } from '../scenario/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { countBucket, fillBucket, fillChunk, finishedTies, generateChunk, partitionChunk, planErdosRenyi, rowOffsets, type ErdosRenyiJob } from './erdos-renyi.ts';
import { emptyGroups, generateGroups, type Groups } from './groups.ts';
import { KernelMemory } from './kernel-memory.ts';
import { allocateLocal, allocateShared, arrays, type Allocate } from './memory.ts';
import { generatedTies } from './network.ts';
import { randomRegularTies } from './random-regular.ts';
import { smallWorldTies } from './small-world.ts';
import type { DayParameters } from './parameters.ts';
import { drawTraitChunk, drawTraits, layoutPopulation, traitChunks, type Population } from './population.ts';
import { createState, createWordOfMouth } from './state.ts';
import { createThresholdLeft } from './threshold.ts';
import { PairList, tiesFromPairs, type Ties } from './ties.ts';
import { wordOfMouthPace, type WorldParts } from './world.ts';

/** What a world is built from. The day parameters are made once per run, by whoever starts it. */
export interface WorldRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly params: DayParameters;
  /** The ties of an imported network (network.kind "edge-list"). */
  readonly edgeList?: ImportedTies;
}

/** A build on shared memory: the arrays its steps fill, seen by every worker. */
export interface SharedBuild {
  readonly population: Population;
  readonly erdosRenyi: ErdosRenyiJob | null;
  /** How many tasks each step has. */
  readonly steps: readonly number[];
}

type Network = { ties: Ties; groups: Groups };

/**
 * Kept by the worker that starts a build (worker 0, which runs task 0 of every step): the memory
 * the compiled word-of-mouth step reads from, and the network it builds there.
 */
export class WorldBuilder {
  readonly build: SharedBuild;
  private network: Network | null = null;

  constructor(
    private readonly request: WorldRequest,
    private readonly allocate: Allocate,
    private readonly kernel: KernelMemory | null,
  ) {
    const { scenario, seed, edgeList } = request;
    const population = layoutPopulation(scenario, seed, allocate, edgeList?.tiers);
    const erdosRenyi = scenario.network.kind === 'erdos-renyi' ? planErdosRenyi(population.agents, scenario.network.meanDegree, seed, allocate, kernel?.arrays) : null;
    const steps = erdosRenyi
      ? [erdosRenyi.chunks + traitChunks(population), erdosRenyi.chunks, erdosRenyi.buckets, 1, erdosRenyi.chunks + erdosRenyi.buckets]
      : [2];
    this.build = { population, erdosRenyi, steps };
  }

  /** A builder for workers on shared memory: the compiled word-of-mouth memory where it pays. */
  static shared(request: WorldRequest): WorldBuilder {
    const kernel = compiledWordOfMouthPays(request.scenario, request.params) ? KernelMemory.create(allocateShared) : null;
    return new WorldBuilder(request, allocateShared, kernel);
  }

  /** Network tasks need the builder's kernel memory, and keep what they build here. */
  buildNetwork(): void {
    const { scenario, seed, edgeList } = this.request;
    const population = this.build.population;
    const hot = this.kernel?.arrays ?? arrays(this.allocate);
    const kind = scenario.network.kind;
    let ties: Ties;
    if (kind === 'generated') ties = generatedTies(scenario, population, seed, this.allocate, hot);
    else if (kind === 'regular') ties = randomRegularTies(population.agents, scenario.network.degree, seed, this.allocate, hot);
    else if (kind === 'small-world') ties = smallWorldTies(population.agents, scenario.network.degree, scenario.network.rewiring, seed, this.allocate, hot);
    else if (kind === 'edge-list') {
      if (!edgeList) throw new Error('network.kind is "edge-list" but no edge list was loaded');
      ties = tiesFromPairs(population.agents, edgeList, this.allocate, hot);
    } else ties = tiesFromPairs(population.agents, new PairList(0), this.allocate, hot);
    const groups = kind === 'generated' ? generateGroups(scenario, population, seed, this.allocate) : emptyGroups(population.agents, this.allocate);
    this.network = { ties, groups };
  }

  /** The last step, once every task is done: agent state and the word-of-mouth table. */
  finish(): WorldParts {
    const { erdosRenyi, population } = this.build;
    const network = erdosRenyi ? { ties: finishedTies(erdosRenyi), groups: emptyGroups(population.agents, this.allocate) } : this.network;
    if (!network) throw new Error('finish before the network was built');
    return finishParts(this.request, population, network, this.allocate, this.kernel);
  }
}

/** Runs worker `worker`'s tasks of step `step` (of `workers`); `builder` only on the worker that started the build. */
export function runBuildTasks(request: WorldRequest, build: SharedBuild, step: number, worker: number, workers: number, builder?: WorldBuilder): void {
  for (let task = worker; task < build.steps[step]; task += workers) runTask(request, build, step, task, builder);
}

function runTask(request: WorldRequest, build: SharedBuild, step: number, task: number, builder?: WorldBuilder): void {
  const job = build.erdosRenyi;
  const { scenario, seed } = request;
  if (!job) {
    // One step of two tasks: the network (on the builder's worker) and the traits.
    if (task === 1) drawTraits(scenario, seed, build.population);
    else if (builder) builder.buildNetwork();
    else throw new Error('the network task runs on the worker that started the build');
    return;
  }
  if (step === 0) {
    if (task < job.chunks) generateChunk(job, task);
    else drawTraitChunk(scenario, seed, build.population, task - job.chunks);
  } else if (step === 1) partitionChunk(job, task);
  else if (step === 2) countBucket(job, task);
  else if (step === 3) rowOffsets(job);
  else if (task < job.chunks) fillChunk(job, task);
  else fillBucket(job, task - job.chunks);
}

/** A whole world's parts in this thread (`kernel`: where the compiled word of mouth's arrays go). */
export function createParts(scenario: Scenario, seed: number, params: DayParameters, allocate: Allocate = allocateLocal, edgeList?: ImportedTies, kernel: KernelMemory | null = null): WorldParts {
  const request = { scenario, seed, params, edgeList };
  const builder = new WorldBuilder(request, allocate, kernel);
  builder.build.steps.forEach((_, step) => runBuildTasks(request, builder.build, step, 0, 1, builder));
  return builder.finish();
}

/**
 * Agent state and the word-of-mouth table. With a kernel memory that the network's ties were also
 * built in, the world runs word of mouth compiled.
 */
function finishParts(request: WorldRequest, population: Population, network: Network, allocate: Allocate, kernel: KernelMemory | null): WorldParts {
  const { scenario, params } = request;
  const agents = population.agents;
  const mixed = scenario.network.kind === 'mixed';
  const perTie = params.wordOfMouth;
  const hot = kernel?.arrays ?? arrays(allocate);
  const wordOfMouth = createWordOfMouth(agents, allocate, wordOfMouthAlongTies(scenario, params), hot);
  for (let i = 0; i < wordOfMouth.pace.length / 2; i++) wordOfMouth.pace[2 * i] = wordOfMouthPace(perTie, population, i);
  const state = createState(agents, allocate, hot);
  const inKernel = kernel && kernel.complete && [network.ties.offsets, network.ties.neighbors, state.status, state.wordOfMouthSource, wordOfMouth.day].every((a) => kernel.holds(a));
  const kernelMemory = inKernel ? kernel.memory : undefined;
  const thresholdLeft = createThresholdLeft(scenario, network.ties, allocate);
  return { population, ...network, state, wordOfMouth, thresholdLeft, mixed, ...(kernelMemory ? { kernelMemory } : {}) };
}

/** Whether friends convert friends along ties (direct daily contact), which needs the word-of-mouth table. */
export function wordOfMouthAlongTies(scenario: Scenario, params: DayParameters): boolean {
  return scenario.network.kind !== 'mixed' && params.wordOfMouth.some((x) => x > 0);
}

/**
 * Whether a world is worth a kernel memory and the compiled word-of-mouth step: only with word of
 * mouth along ties, and from 10,000 agents — below that, making the memory and the module's
 * instance (about a millisecond a run) costs more than the compiled loop saves (measured on the
 * reference workload: even at 10^4 agents, 10 % faster at 3·10^4).
 */
export function compiledWordOfMouthPays(scenario: Scenario, params: DayParameters): boolean {
  return wordOfMouthAlongTies(scenario, params) && scenario.population.agents >= COMPILED_FROM_AGENTS;
}

const COMPILED_FROM_AGENTS = 10_000;
