// What a scenario problem looks like to the person who wrote the file: where it is, which field,
// and what was expected versus found, one line each, all of them at once.

/** A place in a scenario file, 1-based like editors count, or in a `--set` option. */
export interface SourcePosition {
  /** The scenario file, or "--set" for a command-line override. */
  file: string;
  /** 1-based line; for "--set", which override (1 = the first --set). */
  line: number;
  /** 1-based column; for "--set", the column inside `path=value`. */
  column: number;
  /** How the place is printed: `scenarios/x.json:14:7`, or `--set tiers[3].x=2` for overrides. */
  where: string;
}

export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** The field, e.g. `tiers[2].share`; "" for problems with the file as a whole (invalid JSON). */
  path: string;
  /** What is wrong, without place or path: `expected a number in [0, 1], got "0.3"`. */
  message: string;
  /** How the place is printed (see SourcePosition.where). */
  where: string;
}

/** The printed line: `scenarios/x.json:14:7 tiers[2].share: expected …, got …`. */
export function formatIssue(issue: ScenarioIssue): string {
  return issue.path === '' ? `${issue.where}: ${issue.message}` : `${issue.where} ${issue.path}: ${issue.message}`;
}

/** Longest field path and message shown: a 10 MB key is named by its start, not echoed whole. */
const SHOWN_PATH = 500;
const SHOWN_MESSAGE = 2000;

/** `text` shortened to at most `max` characters, saying how much was left out. */
export function capText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

export function issueAt(position: SourcePosition, path: string, message: string): ScenarioIssue {
  return { file: position.file, line: position.line, column: position.column, where: capText(position.where, SHOWN_MESSAGE), path: capText(path, SHOWN_PATH), message: capText(message, SHOWN_MESSAGE) };
}

export function filePosition(file: string, line: number, column: number): SourcePosition {
  return { file, line, column, where: `${file}:${line}:${column}` };
}

/** Every problem found in a scenario; the message has one formatted issue per line. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];

  constructor(issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/**
 * The JSON of a value as shown after "got", shortened so a wrong 4-tier array does not flood the
 * terminal: long arrays and objects are summarised instead.
 */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON has no Infinity: 1e309 parses to it, and JSON.stringify would call it null.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number out of range (beyond ±1.8e308)';
  if (typeof value === 'string' && value.length > 60) return `${JSON.stringify(value.slice(0, 56))}... (${value.length} characters)`;
  if (Array.isArray(value) && value.length > 60) return `a list of ${value.length} items`;
  const json = JSON.stringify(value);
  if (json.length <= 60) return json;
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (typeof value === 'object' && value !== null) return `an object with fields ${capText(Object.keys(value).join(', '), 200)}`;
  return `${json.slice(0, 57)}...`;
}
