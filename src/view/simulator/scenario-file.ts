// Scenario files from the user's disk, through the file input or dropped anywhere on the page.
// Only the text is read here, by the command line's rules (size cap, strict UTF-8, a BOM
// accepted); validation is the loader's, so a bad file reports like on the CLI.
import { decodeInputText, InputFileError, JSON_FILE_LIMIT_BYTES } from '../../scenario/input-text.ts';
import { ScenarioError, issueAt } from '../../scenario/issues.ts';
import { formatNumber, t } from '../shared/language.ts';

export type ReceiveFile = (text: string, name: string) => void;
export type RefuseFile = (error: ScenarioError, name: string) => void;

/** A file's text by the command line's rules, or the located error saying why it cannot be read. */
export async function readScenarioFile(file: File): Promise<string | ScenarioError> {
  const where = { file: file.name, line: 1, column: 1, where: file.name };
  if (file.size > JSON_FILE_LIMIT_BYTES) {
    return new ScenarioError([issueAt(where, '', t('simulator.errors.tooLarge', { size: formatNumber(file.size / 2 ** 20, 1), limit: formatNumber(JSON_FILE_LIMIT_BYTES / 2 ** 20) }))]);
  }
  try {
    return decodeInputText(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    return new ScenarioError([issueAt(error.position, '', error.reason)]);
  }
}

export function acceptScenarioFiles(input: HTMLInputElement, hint: HTMLElement, receive: ReceiveFile, refuse: RefuseFile): void {
  const read = async (file: File | undefined) => {
    if (!file) return;
    const text = await readScenarioFile(file);
    if (text instanceof ScenarioError) refuse(text, file.name);
    else receive(text, file.name);
  };
  input.addEventListener('change', () => {
    void read(input.files?.[0]);
    // Choosing the same file again (after fixing it) must fire `change` again.
    input.value = '';
  });
  let depth = 0;
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  document.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    depth++;
    hint.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) hint.hidden = true;
  });
  document.addEventListener('dragover', (event) => {
    if (carriesFiles(event)) event.preventDefault();
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    hint.hidden = true;
    void read(event.dataTransfer?.files[0]);
  });
}
