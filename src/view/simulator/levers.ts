// The levers pulled in the page, kept as the command line writes them (`rural-promoters=0`, in the
// order pulled) and applied by the same door as `--lever`: the scenario's own `levers` list says
// what each one moves, so the page, the compare page and the command line mean one thing by it.
import { leverSetting } from '../../scenario/levers.ts';
import { parseLever, type Override } from '../../scenario/overrides.ts';
import type { Lever, Scenario } from '../../scenario/schema.ts';

export type LeverValue = number | boolean | string;

/** `id=value` as `--lever` takes it: strings bare, numbers and switches as JSON. */
export function leverText(id: string, value: LeverValue): string {
  return `${id}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/** The lever's id in an `id=value` setting. */
export const leverIdOf = (setting: string) => setting.slice(0, setting.indexOf('='));

/** Replaces (or adds, or with value undefined removes) one lever's setting, keeping the others' order. */
export function withLever(settings: readonly string[], id: string, value: LeverValue | undefined): string[] {
  const rest = settings.filter((s) => leverIdOf(s) !== id);
  return value === undefined ? rest : [...rest, leverText(id, value)];
}

/** The settings as overrides for the scenario loader (the `--lever` door). */
export function leverOverrides(settings: readonly string[]): Override[] {
  return settings.map(parseLever);
}

/** The value a setting list gives lever `id`, or undefined when it is not pulled. */
export function pulledValue(settings: readonly string[], id: string): LeverValue | undefined {
  const setting = settings.find((s) => leverIdOf(s) === id);
  return setting === undefined ? undefined : (parseLever(setting).value as LeverValue);
}

/** The value a lever has where the scenario leaves it (see scenario/levers.ts). */
export function fileSetting(scenario: Scenario, lever: Lever): LeverValue {
  return leverSetting(scenario, lever) as LeverValue;
}

/**
 * Whether two values are one setting: a slider gives numbers on its step, the file's may carry
 * rounding, so numbers agree to 9 significant digits.
 */
export function sameSetting(a: LeverValue, b: LeverValue): boolean {
  return typeof a === 'number' && typeof b === 'number' ? Number(a.toPrecision(9)) === Number(b.toPrecision(9)) : a === b;
}

/**
 * The settings after pulling `lever` to `value` in the world `current`. A lever set back to where
 * the scenario has it (with the other levers still pulled: `without` resolves that world) is
 * dropped, so the world is the file's again, bit for bit.
 */
export function settingsAfterPull(settings: readonly string[], lever: Lever, value: LeverValue, current: Scenario, without: (others: string[]) => Scenario | null): string[] {
  const others = withLever(settings, lever.id, undefined);
  const unpulled = others.length === settings.length ? current : without(others);
  return unpulled !== null && sameSetting(value, fileSetting(unpulled, lever)) ? others : withLever(settings, lever.id, value);
}
