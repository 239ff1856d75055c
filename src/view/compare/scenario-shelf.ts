// Scenario files the compare page holds besides the bundled ones: picked from disk as baseline or
// variant, or carried in the link from the editor (`?scenario-text=`). Each is checked by the
// command line's loader when it arrives, so a bad file is refused with the lines `tierwave validate`
// prints for it, and the comparison's address carries every file it uses.
import type { LoadScenario } from '../../experiments/design.ts';
import { ScenarioError } from '../../scenario/issues.ts';
import { loadBundledScenario, resolveText, scenarioFile } from '../shared/catalog.ts';
import { decodeScenarioText, encodeScenarioText, SCENARIO_TEXT_PARAM } from '../shared/scenario-text.ts';
import { readScenarioFile } from '../simulator/scenario-file.ts';
import { t } from '../shared/language.ts';

/** Ids of files on the shelf start with this; bundled ids never do. */
export const SHELF_PREFIX = 'file:';

interface ShelvedFile {
  readonly file: string;
  readonly text: string;
  /** The file as the address carries it. */
  readonly carried: string;
}

export type Role = 'baseline' | 'variant';

export class ScenarioShelf {
  private readonly files = new Map<string, ShelvedFile>();

  /** Validates a file (throws the loader's ScenarioError) and shelves it; returns its id. */
  async add(file: string, text: string, carried?: string): Promise<string> {
    resolveText(text, file, []);
    const id = `${SHELF_PREFIX}${file.split(/[\\/]/).pop() ?? file}`;
    this.files.set(id, { file, text, carried: carried ?? (await encodeScenarioText({ file, text })) });
    return id;
  }

  /** The files an address carries, shelved; the second list says why the others were refused. */
  async receive(search: string): Promise<{ ids: string[]; problems: unknown[] }> {
    const ids: string[] = [];
    const problems: unknown[] = [];
    for (const carried of new URLSearchParams(search).getAll(SCENARIO_TEXT_PARAM)) {
      try {
        const { file, text } = await decodeScenarioText(carried);
        ids.push(await this.add(file, text, carried));
      } catch (error) {
        problems.push(error);
      }
    }
    return { ids, problems };
  }

  /** The name a design gives the scenario (the loader below knows it). */
  fileOf(id: string): string {
    return this.files.has(id) ? id : scenarioFile(id);
  }

  /** Loads a shelved file by its id, any other by the bundled loader. */
  readonly load: LoadScenario = (file, overrides) => {
    const shelved = this.files.get(file);
    if (!shelved) return loadBundledScenario(file, overrides);
    const resolved = resolveText(shelved.text, shelved.file, overrides);
    return { scenario: resolved.scenario, sha256: resolved.sha256, warnings: resolved.warnings };
  };

  /** `&scenario-text=…` for each shelved file among `ids`, for the comparison's address. */
  addressOf(ids: readonly string[]): string {
    return [...new Set(ids)].filter((id) => this.files.has(id)).map((id) => `&${SCENARIO_TEXT_PARAM}=${this.files.get(id)!.carried}`).join('');
  }

  /** Wires the file inputs: a valid file is shelved and handed on; a bad one reported with the loader's lines. */
  accept(inputs: Record<Role, HTMLInputElement>, showRefusal: (title: string, error: unknown) => void, added: (id: string, role: Role) => void): void {
    for (const [role, input] of Object.entries(inputs) as [Role, HTMLInputElement][]) {
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.value = '';
        if (file) void this.take(file, role, (name, error) => showRefusal(t('compare.fileRefused', { file: name }), error), added);
      });
    }
  }

  private async take(file: File, role: Role, refused: (name: string, error: unknown) => void, added: (id: string, role: Role) => void): Promise<void> {
    const text = await readScenarioFile(file);
    if (text instanceof ScenarioError) return refused(file.name, text);
    try {
      added(await this.add(file.name, text), role);
    } catch (error) {
      refused(file.name, error);
    }
  }
}
