// SHA-256 of a text, synchronously, in Node and in the page alike: replicate seeds are defined as
// a SHA-256 so anyone can recompute them (`printf '2014:0' | sha256sum`), and the page must derive
// the same seeds as the CLI, where crypto.subtle is asynchronous and missing outside secure
// contexts. The digest itself is @noble/hashes'.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The eight 32-bit words of the SHA-256 digest of `text` (UTF-8), big-endian as printed. */
export function sha256Words(text: string): Uint32Array {
  const digest = sha256(utf8ToBytes(text));
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  return Uint32Array.from({ length: 8 }, (_, i) => view.getUint32(4 * i));
}

/** Hex digest, as `sha256sum` prints it. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
