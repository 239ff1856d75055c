// Checks that each intervention can really be applied: its path names one field of this scenario
// that the daily kernel reads each day, its value fits that field, and its dates fall in the run.
import { z } from 'zod';
import { isWithin, sourceAt, type SourceMap } from './document.ts';
import { describeExpected, isContainer, objectKeys, unwrap, type Schema } from './fields.ts';
import { issueAt, showValue, type ScenarioIssue } from './issues.ts';
import { formatPath, genericPath, parsePath, type PathSegment } from './path.ts';
import { DYNAMIC_PATH_PREFIXES, SETUP_ONLY_FIELDS, scenarioObjectSchema, type Scenario } from './schema.ts';
import { nearestField } from './validate.ts';

/**
 * Whether an intervention may change this field mid-run: it must sit under a dynamic prefix and
 * not be one of the fields precomputed into per-agent arrays at setup. Takes a concrete path
 * (`tiers[3].offlinePerDay`) or a generic one (`tiers[].offlinePerDay`).
 */
export function canChangeDuringRun(path: string | readonly PathSegment[]): boolean {
  const generic = typeof path === 'string' ? path.replace(/\[\d+\]/g, '[]') : genericPath(path);
  const dynamic = DYNAMIC_PATH_PREFIXES.some((prefix) => (prefix.endsWith('.') ? generic.startsWith(prefix) : isWithin(generic, prefix)));
  return dynamic && !SETUP_ONLY_FIELDS.some((field) => isWithin(generic, field));
}

/** The last date a run may reach: dates are written YYYY-MM-DD, so a fifth year digit does not fit. */
export const LAST_DATE = '9999-12-31';

/** Days from an ISO date to LAST_DATE. */
export function daysToLastDate(isoDate: string): number {
  return Math.round((Date.parse(`${LAST_DATE}T00:00:00Z`) - Date.parse(`${isoDate}T00:00:00Z`)) / 86_400_000);
}

/**
 * The date `days` days after an ISO date, as an ISO date (UTC, so no daylight-saving surprises);
 * LAST_DATE at most, since later dates cannot be written YYYY-MM-DD.
 */
export function addDays(isoDate: string, days: number): string {
  if (days >= daysToLastDate(isoDate)) return LAST_DATE;
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

type PathCheck = { field: Schema } | { problem: string } | 'unknowable';

/**
 * Follows an intervention path through the schema (for field names) and the scenario value, with
 * defaults standing in for fields left out (for array lengths). 'unknowable' when a list on the
 * way is itself invalid: that error is reported already, and a guess would only add noise.
 */
function followPath(text: string, segments: PathSegment[], input: unknown): PathCheck {
  let schema: Schema = scenarioObjectSchema;
  let value: unknown = input;
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k];
    const here = formatPath(segments.slice(0, k));
    const { def } = unwrap(schema);
    if (def.type === 'object' && def.shape) {
      const fields = Object.keys(def.shape);
      if (typeof segment !== 'string' || !fields.includes(segment)) {
        const near = typeof segment === 'string' ? nearestField(segment, fields) : undefined;
        const guess = near ? `, did you mean "${formatPath([...segments.slice(0, k), near, ...segments.slice(k + 1)])}"?` : '';
        return { problem: `no field "${text}" in the scenario${guess}` };
      }
      schema = def.shape[segment];
    } else if (def.type === 'array') {
      if (typeof segment !== 'number') return { problem: `no field "${text}": ${here} is a list, expected an index like ${here}[0]` };
      if (!Array.isArray(value)) return value === undefined ? { problem: `no field "${text}": ${here} is not set` } : 'unknowable';
      if (segment >= value.length) return { problem: `no field "${text}": ${here} has ${value.length} item${value.length === 1 ? '' : 's'}` };
      schema = def.element!;
    } else if (def.type === 'record') {
      schema = def.valueType!;
    } else {
      return { problem: `no field "${text}": ${here} is ${describeExpected(schema)}, with no fields inside` };
    }
    const next = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
    value = next === undefined ? unwrap(schema).defaultValue : next;
  }
  return { field: schema };
}

/**
 * Every problem with the interventions of a scenario: `scenario` holds the top-level fields that
 * passed the schema, `input` the merged value as written (for lists that failed it elsewhere).
 */
/** The longest run a scenario may ask for (the schema's limit on `days`). */
const MAX_DAYS = 20000;

export function interventionIssues(scenario: Partial<Scenario>, input: unknown, sources: SourceMap): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: PathSegment[], message: string) => issues.push(issueAt(sourceAt(sources, path), formatPath(path), message));
  const { start } = scenario;
  const latest = start !== undefined ? addDays(start, MAX_DAYS) : undefined;
  (scenario.interventions ?? []).forEach((intervention, i) => {
    const at = (field: string): PathSegment[] => ['interventions', i, field];
    const { from, to, value } = intervention;
    for (const [field, date] of [['from', from], ['to', to]] as const) {
      // A date after the end is allowed: the change never happens, or a ramp is cut off by the end.
      // That keeps a run shortened with --days (and its scenario.resolved.json) valid.
      if (date !== undefined && start !== undefined && (date < start || date > latest!)) {
        report(at(field), `expected a date from ${start} (the start) to ${latest} (the longest run), got "${date}"`);
      }
    }
    if (to !== undefined && to <= from) report(at('to'), `expected a date after from (${from}), got "${to}"`);
    if (to !== undefined && typeof value !== 'number') {
      report(at('to'), `only a number value can ramp; a ${typeof value} value changes in one step on "from", so remove "to"`);
    }
    let segments: PathSegment[];
    try {
      segments = parsePath(intervention.path);
    } catch {
      report(at('path'), `expected a field path like "tiers[3].offlinePerDay", got ${JSON.stringify(intervention.path)}`);
      return;
    }
    const checked = followPath(intervention.path, segments, input);
    if (checked === 'unknowable') return;
    if ('problem' in checked) return report(at('path'), checked.problem);
    const { field } = checked;
    if (isContainer(field)) {
      const inside = objectKeys(field);
      const names = inside ? ` (its fields: ${inside.join(', ')})` : '';
      return report(at('path'), `expected the path of one field, got the group "${intervention.path}"${names}`);
    }
    if (!canChangeDuringRun(segments)) {
      return report(at('path'), `${intervention.path} cannot change during a run: it is read once at setup`);
    }
    if (!z.safeParse(unwrap(field).schema, value).success) {
      report(at('value'), `expected ${describeExpected(field)} to fit ${intervention.path}, got ${showValue(value)}`);
    }
  });
  return issues;
}
