// The benchmark of the workers issue: each case is a whole `tierwave run` process (start, build
// population and network, simulate, write outputs), timed from outside, with the setup and
// simulation seconds and the peak RSS the run reports in its summary.json. Never a test: timings
// vary with the machine (and from run to run on a shared one: each case runs three times and the
// table shows medians), so this prints and writes figures and fails only if a run fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';

interface BenchCase {
  readonly name: string;
  readonly scenario: string;
  readonly agents: number;
  readonly workers: number;
}

interface BenchRow extends BenchCase {
  readonly days: number;
  readonly ties: number;
  readonly setupSeconds: number;
  readonly simulationSeconds: number;
  readonly wholeSeconds: number;
  readonly agentDaysPerSecond: number;
  readonly peakRssBytes: number;
  readonly bytesPerAgent: number;
  /** How word of mouth along ties ran: webassembly, typescript or off. */
  readonly wordOfMouthKernel: string;
}

const REFERENCE = 'scenarios/reference/bass-network.json';
const SLOW = 'scenarios/reference/bass-network-slow.json';
const DEFAULT = 'scenarios/jd-tencent-2014.json';
const THRESHOLD = 'scenarios/reference/bass-network-threshold.json';

function cases(largest: number): BenchCase[] {
  const list: BenchCase[] = [];
  for (const agents of [1e5, 1e6, 1e7].filter((n) => n <= largest))
    for (const workers of [1, 2]) list.push({ name: 'reference', scenario: REFERENCE, agents, workers });
  list.push({ name: 'reference-slow', scenario: SLOW, agents: 1e6, workers: 2 });
  // The same world counting adopted friends for a threshold: the rule's cost in time and memory.
  list.push({ name: 'reference-threshold', scenario: THRESHOLD, agents: 1e6, workers: 2 });
  list.push({ name: 'default', scenario: DEFAULT, agents: 1e6, workers: 2 });
  return list;
}

function runCase(c: BenchCase): BenchRow {
  const out = mkdtempSync(join(tmpdir(), 'tierwave-bench-'));
  try {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['bin/tierwave.mjs', 'run', c.scenario, '--agents', String(c.agents), '--workers', String(c.workers), '--seed', '1', '--out', join(out, 'run'), '--quiet'], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const wholeSeconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`${c.name} at ${c.agents} agents on ${c.workers} workers failed (exit ${child.status}):\n${child.stderr}`);
    const summary = JSON.parse(readFileSync(join(out, 'run', 'summary.json'), 'utf8'));
    const runtime = summary.runtime;
    const peak = Number(runtime.peak_rss_bytes ?? NaN);
    return {
      ...c,
      days: summary.days,
      ties: summary.ties,
      setupSeconds: runtime.setup_seconds,
      simulationSeconds: runtime.simulation_seconds,
      wholeSeconds,
      agentDaysPerSecond: (c.agents * summary.days) / runtime.simulation_seconds,
      peakRssBytes: peak,
      bytesPerAgent: peak / c.agents,
      wordOfMouthKernel: String(runtime.word_of_mouth_kernel),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function table(rows: BenchRow[]): string {
  const head = ['case', 'agents', 'workers', 'setup s', 'simulation s', 'whole s', 'agent-days/s', 'peak RSS MB', 'bytes/agent', 'word of mouth'];
  const lines = rows.map((r) => [
    r.name,
    r.agents.toExponential(0),
    String(r.workers),
    r.setupSeconds.toFixed(2),
    r.simulationSeconds.toFixed(2),
    r.wholeSeconds.toFixed(2),
    r.agentDaysPerSecond.toExponential(2),
    (r.peakRssBytes / 2 ** 20).toFixed(0),
    r.bytesPerAgent.toFixed(0),
    r.wordOfMouthKernel,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

function ratios(rows: BenchRow[]): string[] {
  const find = (name: string, agents: number, workers: number) => rows.find((r) => r.name === name && r.agents === agents && r.workers === workers);
  const notes: string[] = [];
  for (const agents of [1e5, 1e6, 1e7]) {
    const one = find('reference', agents, 1);
    const two = find('reference', agents, 2);
    if (one && two) notes.push(`reference at ${agents.toExponential(0)}: 2 workers simulate ${(one.simulationSeconds / two.simulationSeconds).toFixed(2)}× faster than 1`);
  }
  const ref = find('reference', 1e6, 2);
  // The workers issue's figures for this machine: an object-per-agent JavaScript program needs
  // ~10.7 s of simulation on the reference at 10^6, AgentScript ~285 s, Flocc ~730 s.
  const threshold = find('reference-threshold', 1e6, 2);
  if (ref && threshold) {
    notes.push(`threshold rule at 1e6 on 2 workers: simulation ${(threshold.simulationSeconds / ref.simulationSeconds).toFixed(2)}× the reference, peak RSS +${((threshold.peakRssBytes - ref.peakRssBytes) / 2 ** 20).toFixed(0)} MB`);
  }
  if (ref) notes.push(`reference at 1e6 on 2 workers: ${(10.7 / ref.simulationSeconds).toFixed(1)}× an object-per-agent program, ${(285 / ref.simulationSeconds).toFixed(0)}× AgentScript, ${(730 / ref.simulationSeconds).toFixed(0)}× Flocc (their simulation seconds as given in the issue)`);
  return notes;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Several runs of a case as one row: the median of each time, the largest peak memory. */
function summarise(runs: BenchRow[]): BenchRow {
  const simulationSeconds = median(runs.map((r) => r.simulationSeconds));
  const peakRssBytes = Math.max(...runs.map((r) => r.peakRssBytes));
  return {
    ...runs[0],
    setupSeconds: median(runs.map((r) => r.setupSeconds)),
    simulationSeconds,
    wholeSeconds: median(runs.map((r) => r.wholeSeconds)),
    agentDaysPerSecond: (runs[0].agents * runs[0].days) / simulationSeconds,
    peakRssBytes,
    bytesPerAgent: peakRssBytes / runs[0].agents,
  };
}

const program = new Command('bench')
  .description('time the reference workloads as whole tierwave processes')
  .option('--json <file>', 'also write the figures as JSON (with every run)')
  .option('--largest <agents>', 'largest reference world to run', '1e7')
  .option('--repeat <n>', 'runs of each case; the table shows medians of times and the largest peak memory', '3')
  .action((options: { json?: string; largest: string; repeat: string }) => {
    const repeat = Math.max(1, Math.floor(Number(options.repeat)));
    const rows: BenchRow[] = [];
    const runs: BenchRow[][] = [];
    for (const c of cases(Number(options.largest))) {
      const these: BenchRow[] = [];
      for (let k = 1; k <= repeat; k++) {
        process.stderr.write(`running ${c.name} at ${c.agents.toExponential(0)} agents on ${c.workers} worker(s), run ${k} of ${repeat}…\n`);
        these.push(runCase(c));
      }
      runs.push(these);
      rows.push(summarise(these));
    }
    process.stdout.write(`${table(rows)}\n\n${ratios(rows).join('\n')}\n`);
    if (options.json) writeFileSync(options.json, `${JSON.stringify({ machine: { cores: 2 }, repeat, rows, runs }, null, 2)}\n`);
  });

program.parse();
