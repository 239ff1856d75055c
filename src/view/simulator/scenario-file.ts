// Scenario files from the user's disk, through the file input or dropped anywhere on the page.
// Only the text is read here; validation is the loader's, so a bad file reports like on the CLI.

export type ReceiveFile = (text: string, name: string) => void;

export function acceptScenarioFiles(input: HTMLInputElement, hint: HTMLElement, receive: ReceiveFile): void {
  const read = async (file: File | undefined) => {
    if (file) receive(await file.text(), file.name);
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
