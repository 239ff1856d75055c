// `tierwave network`: build a scenario's world (no simulation) and
// print its realised network beside what the file asked — so a world can be checked before a
// sweep is run over it. The world is built in this thread; its ties are the same as on any workers.
import { loadImportedNetwork, loadScenarioFile } from '../scenario/node.ts';
import { EdgeListError, withEdgeListSize } from '../scenario/edge-list.ts';
import { allocateLocal, assertFits, createParts, importLimit, dayParameters, networkReport, WEDGES_PER_TIER, type DegreeFigures, type NetworkReport, type TierNetwork } from '../engine/index.ts';
import { InputError } from './errors.ts';
import { runOverrides, type RunOptionValues } from './options.ts';
import type { CommandIo, RunMachine } from './run-command.ts';
import { tierKeys } from './summary.ts';

export async function networkCommand(file: string, options: Pick<RunOptionValues, 'seed' | 'agents' | 'set'>, io: CommandIo, machine: Pick<RunMachine, 'memoryLimitBytes'>): Promise<void> {
  const loaded = loadScenarioFile(file, runOverrides(options));
  let imported;
  try {
    imported = loadImportedNetwork(file, loaded.scenario, importLimit(machine.memoryLimitBytes()), loaded.edgeListNamedIn);
  } catch (error) {
    if (error instanceof EdgeListError) throw new InputError(error.message);
    throw error;
  }
  const scenario = imported ? withEdgeListSize(loaded.scenario, imported.edges) : loaded.scenario;
  assertFits(scenario, 1, machine.memoryLimitBytes());
  const seed = scenario.seed;
  // The whole world's parts (traits and state too: a small part of the cost of its ties).
  const parts = createParts(scenario, seed, dayParameters(scenario), allocateLocal, imported?.edges);
  const report = networkReport(scenario, parts, seed);
  io.stdout.write(networkTable(`${scenario.name}, seed ${seed}`, report, tierKeys(scenario)));
}

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const fixed = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => `  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`.trimEnd());
}

const degreeCells = (d: DegreeFigures) => [fixed(d.variance, 1), String(d.q50), String(d.q90), String(d.q99), String(d.max)];

function tierRow(name: string, t: TierNetwork): string[] {
  const mean = `${fixed(t.degree.mean, 2)}${t.askedDegree === null ? '' : ` (${Number(t.askedDegree.toFixed(2))})`}`;
  return [name, integer.format(t.agents), mean, ...degreeCells(t.degree), fixed(t.clustering, 3)];
}

/** The report as the lines a person reads. */
export function networkTable(title: string, report: NetworkReport, keys: readonly string[]): string {
  const lines = [`${title}: ${report.kind} network, ${integer.format(report.agents)} agents, ${integer.format(report.ties)} ties`, '', 'degree (mean, with what the file asked in brackets) and clustering, by tier'];
  lines.push(
    ...table([
      ['tier', 'agents', 'mean (asked)', 'variance', '50 %', '90 %', '99 %', 'max', 'clustering'],
      ...report.tiers.map((t, i) => tierRow(keys[i], t)),
      tierRow('all', report.all),
    ]),
  );
  lines.push('', `clustering: global transitivity (3 × triangles / connected triples centred on the tier's agents), from ${integer.format(WEDGES_PER_TIER)} sampled wedges per tier (± ≤ 0.004)`);
  const { realised, asked } = report.mixing;
  lines.push('', `mixing: share of each tier's tie ends that reach each tier${asked ? ' (what the file asks in brackets: the neighbourhood share on the diagonal, the rest by the row)' : ''}`);
  lines.push(...table([['from \\ to', ...keys], ...realised.map((row, i) => [keys[i], ...row.map((x, j) => `${x.toFixed(3)}${asked ? ` (${asked[i][j].toFixed(3)})` : ''}`)])]));
  const { count, size, membershipsPerAgent } = report.groups;
  lines.push('', count === 0 || !size ? 'groups: none' : `groups: ${integer.format(count)}, size mean ${size.mean.toFixed(1)}, 50/90/99 % ${size.q50}/${size.q90}/${size.q99}, largest ${size.max}; ${membershipsPerAgent.toFixed(2)} memberships per agent`);
  return `${lines.join('\n')}\n`;
}
