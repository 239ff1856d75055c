// Bytes from a file become text in one way for every reader (CLI, experiments, edge lists, the
// page's file picker): UTF-8 with an optional byte-order mark, and a byte that is not UTF-8 is an
// error at its line and column — silently replacing it would change a name or an id unseen.
import { filePosition, type SourcePosition } from './issues.ts';

/** Largest scenario or experiment file read: hand-written JSON is kilobytes; this is 1,000× that. */
export const JSON_FILE_LIMIT_BYTES = 8 * 2 ** 20;

/** A file that cannot become text or cannot be read at all, located where possible. */
export class InputFileError extends Error {
  constructor(
    readonly position: SourcePosition,
    /** What is wrong, without the place: `is a folder, not a regular file`. */
    readonly reason: string,
  ) {
    super(`${position.where}: ${reason}`);
    this.name = 'InputFileError';
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three- and four-byte forms, surrogates, and code points above U+10FFFF.
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += size;
  }
  return -1;
}

/** UTF-8 bytes as text, without a leading byte-order mark; throws InputFileError at a bad byte. */
export function decodeInputText(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidByte(bytes));
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    // The column counts characters, as editors do: continuation bytes are not characters.
    let column = 1;
    for (let i = lineStart; i < at; i++) if ((bytes[i] & 0xc0) !== 0x80) column++;
    const hex = bytes[at]?.toString(16).padStart(2, '0') ?? '?';
    throw new InputFileError(filePosition(file, line, column), `not UTF-8 text (byte 0x${hex} at offset ${at}); save the file as UTF-8`);
  }
}
