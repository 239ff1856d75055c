// A whole scenario file carried in a page address (`?scenario-text=…`): the file's name and text,
// deflated (CompressionStream 'deflate-raw') and written in base64url, so an edited scenario of a
// few kilobytes becomes a link of about a thousand characters. What arrives is only text: the page
// validates it through the same loader as a file from disk.

/** The address parameter that carries a scenario file. */
export const SCENARIO_TEXT_PARAM = 'scenario-text';

/** A scenario file as the address carries it. */
export interface CarriedScenario {
  /** The file's name, used in error messages and to resolve its `extends` (e.g. "my-world.json"). */
  readonly file: string;
  readonly text: string;
}

async function streamed(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it holds characters that base64url does not use');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeScenarioText(carried: CarriedScenario): Promise<string> {
  const json = JSON.stringify({ file: carried.file, text: carried.text });
  return base64url(await streamed(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** The file an address carries; throws an Error saying why when the parameter is damaged. */
export async function decodeScenarioText(encoded: string): Promise<CarriedScenario> {
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await streamed(fromBase64url(encoded), new DecompressionStream('deflate-raw')));
  } catch (error) {
    throw new Error(`the link's ${SCENARIO_TEXT_PARAM} cannot be read (${(error as Error).message || 'it is not deflated text'}); it may have been cut short when copied`);
  }
  let carried: Partial<CarriedScenario> | null = null;
  try {
    carried = JSON.parse(json) as Partial<CarriedScenario> | null;
  } catch {
    /* said below */
  }
  if (typeof carried?.file !== 'string' || typeof carried.text !== 'string') throw new Error(`the link's ${SCENARIO_TEXT_PARAM} does not hold a scenario file`);
  return { file: carried.file, text: carried.text };
}
