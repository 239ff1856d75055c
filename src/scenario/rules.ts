// Rules that tie several fields together, which a per-field schema cannot say: shares that must
// sum to 1, a mixing matrix sized by the tiers, real festival days, usable interventions, one kind
// of threshold and seed customers that exist.
import { sourceAt, type SourceMap } from './document.ts';
import { isPlainObject } from './extends.ts';
import { daysToLastDate, interventionIssues, LAST_DATE } from './interventions.ts';
import { issueAt, type ScenarioIssue } from './issues.ts';
import { formatPath, type PathSegment } from './path.ts';
import type { Scenario } from './schema.ts';
import { validFields } from './validate.ts';
import { mixingMisses, ROW_TOLERANCE } from './mixing.ts';

const SHARE_TOLERANCE = 1e-6;
// February has 29 here: a festival on 02-29 is a real day, held in leap years.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Reports a problem with the field at `path`, pointing at `at` in the file (by default the field). */
type Report = (path: PathSegment[], message: string, at?: PathSegment[]) => void;

/** The tiers as written, whether or not each passed the schema (an unknown key in one should not hide a bad sum). */
function writtenTiers(input: unknown): unknown[] | undefined {
  const tiers = isPlainObject(input) ? input.tiers : undefined;
  return Array.isArray(tiers) ? tiers : undefined;
}

function checkTierShares(input: unknown, report: Report): void {
  const shares = writtenTiers(input)?.map((tier) => (isPlainObject(tier) ? tier.share : undefined));
  if (!shares || !shares.every((share): share is number => typeof share === 'number')) return;
  const sum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
    // toPrecision hides float dust such as 0.9500000000000001 that the user never wrote.
    report(['tiers'], `expected tier shares to sum to 1, got ${Number(sum.toPrecision(12))} (${shares.join(' + ')})`);
  }
}

function checkNetwork(scenario: Partial<Scenario>, input: unknown, report: Report): void {
  const { network } = scenario;
  const tiers = writtenTiers(input);
  if (!network) return;
  if (network.kind === 'edge-list' && network.edgeList === undefined) {
    // Point at the kind: that is the line the user wrote, the missing field has no line.
    report(['network', 'edgeList'], 'missing, required when network.kind is "edge-list" (the CSV file of ties)', ['network', 'kind']);
  }
  checkTextbookGraph(scenario, report);
  if (!network.mixing || !tiers) return;
  const n = tiers.length;
  if (network.mixing.length !== n) {
    report(['network', 'mixing'], `expected ${n} rows, one per tier, got ${network.mixing.length}`);
  }
  let wellFormed = network.mixing.length === n;
  network.mixing.forEach((row, i) => {
    if (row.length !== n) report(['network', 'mixing', i], `expected ${n} weights, one per tier, got ${row.length}`);
    else if (row.every((weight) => weight === 0)) report(['network', 'mixing', i], 'expected at least one weight > 0, got all zeros');
    else return;
    wellFormed = false;
  });
  if (wellFormed && network.kind === 'generated' && scenario.tiers?.length === n && Math.abs(scenario.tiers.reduce((a, t) => a + t.share, 0) - 1) <= SHARE_TOLERANCE) {
    checkMixingBalance({ tiers: scenario.tiers, network }, report);
  }
}

const shown = (row: readonly number[]) => `[${row.map((x) => Number(x.toFixed(3))).join(', ')}]`;

/** Rows the tie counts cannot follow: said with what was asked, what can be had, and the rule. */
function checkMixingBalance(scenario: Pick<Scenario, 'tiers' | 'network'>, report: Report): void {
  for (const miss of mixingMisses(scenario)) {
    const name = scenario.tiers[miss.tier].name;
    const can = miss.degreeShort
      ? `no symmetric tie counts give tier "${name}" its meanFriends with these zeros`
      : `symmetric tie counts (each tie is an end in two tiers) that give every tier its meanFriends can have ${shown(miss.possible)}`;
    report(
      ['network', 'mixing', miss.tier],
      `expected a row the tiers' sizes and meanFriends allow within ${ROW_TOLERANCE}, got ${shown(miss.asked)} (as shares of the row): ${can}. Rows are preferences: the tie counts are the symmetric ones with exact tier degrees closest to them (README, "Tier mixing"); write that row, or change shares or meanFriends`,
    );
  }
}

function checkThreshold(scenario: Partial<Scenario>, report: Report): void {
  const { threshold, seedCustomers, network, population } = scenario;
  if (threshold) {
    const given = [threshold.friends, threshold.fraction].filter((x) => x !== undefined).length;
    if (given !== 1) report(['threshold'], `expected exactly one of friends (absolute) or fraction (fractional), got ${given === 0 ? 'neither' : 'both'}`);
    if (network?.kind === 'mixed') report(['threshold'], 'expected a network with friend ties: network.kind "mixed" has none to count', ['network', 'kind']);
  }
  // An edge list sets the number of agents itself; its ids are checked when it is read.
  if (!seedCustomers || !population || network?.kind === 'edge-list') return;
  const agents = population.agents;
  (seedCustomers.agents ?? []).forEach((id, i) => {
    if (id >= agents) report(['seedCustomers', 'agents', i], `expected an agent number below population.agents (${agents}), got ${id}`);
  });
  if (seedCustomers.highestDegree !== undefined && seedCustomers.highestDegree > agents) {
    report(['seedCustomers', 'highestDegree'], `expected at most population.agents (${agents}), got ${seedCustomers.highestDegree}`);
  }
}

/** Random regular graphs and Watts–Strogatz rings exist only for some sizes and degrees. */
function checkTextbookGraph(scenario: Partial<Scenario>, report: Report): void {
  const { network, population } = scenario;
  if (!network || !population || (network.kind !== 'regular' && network.kind !== 'small-world')) return;
  const { agents } = population;
  const d = network.degree;
  if (d >= agents) report(['network', 'degree'], `expected a degree below the ${agents} agents, got ${d}`);
  else if (network.kind === 'regular' && (agents * d) % 2 !== 0) {
    report(['network', 'degree'], `expected agents × degree to be even (each tie has two ends), got ${agents} × ${d}`);
  } else if (network.kind === 'small-world' && d % 2 !== 0) {
    report(['network', 'degree'], `expected an even degree for a small world (degree/2 neighbours on each side of the ring), got ${d}`);
  }
}

function checkFestivals(scenario: Partial<Scenario>, report: Report): void {
  (scenario.festivals ?? []).forEach((festival, i) => {
    const [month, day] = festival.monthDay.split('-').map(Number);
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) {
      report(['festivals', i, 'monthDay'], `expected a real month and day written MM-DD, got "${festival.monthDay}"`);
    }
  });
}

/** A run must end by 9999-12-31: every date it writes is YYYY-MM-DD. */
function checkCalendar(scenario: Partial<Scenario>, report: Report): void {
  const { start, days } = scenario;
  if (start === undefined || days === undefined) return;
  const room = daysToLastDate(start);
  if (days > room) report(['days'], `a run of ${days} days from ${start} would end after ${LAST_DATE}, the last date that can be written; expected at most ${room}`);
}

/**
 * Cross-field problems of a merged scenario value. Each rule reads only fields that pass the
 * schema on their own (tier shares: those written as numbers), so it adds to the schema's errors
 * instead of repeating them.
 */
export function crossFieldIssues(input: unknown, sources: SourceMap): ScenarioIssue[] {
  const scenario = validFields(input);
  const issues: ScenarioIssue[] = [];
  const report: Report = (path, message, at = path) => issues.push(issueAt(sourceAt(sources, at), formatPath(path), message));
  checkTierShares(input, report);
  checkNetwork(scenario, input, report);
  checkFestivals(scenario, report);
  checkCalendar(scenario, report);
  checkThreshold(scenario, report);
  issues.push(...interventionIssues(scenario, input, sources));
  return issues;
}
