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

export function issueAt(position: SourcePosition, path: string, message: string): ScenarioIssue {
  return { file: position.file, line: position.line, column: position.column, where: position.where, path, message };
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
  const json = JSON.stringify(value);
  if (json.length <= 60) return json;
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (typeof value === 'object' && value !== null) return `an object with fields ${Object.keys(value).join(', ')}`;
  return `${json.slice(0, 57)}...`;
}
