// Where the world's arrays live. In Node and in cross-origin-isolated pages they are put on
// SharedArrayBuffers so every worker (and the view) reads the same memory; elsewhere on ordinary
// ArrayBuffers that are transferred. The engine only asks for bytes.
export type Allocate = (bytes: number) => ArrayBufferLike;

export const allocateLocal: Allocate = (bytes) => new ArrayBuffer(bytes);
export const allocateShared: Allocate = (bytes) => new SharedArrayBuffer(bytes);

export interface Arrays {
  u8(n: number): Uint8Array;
  i8(n: number): Int8Array;
  u16(n: number): Uint16Array;
  i16(n: number): Int16Array;
  u32(n: number): Uint32Array;
  i32(n: number): Int32Array;
  f32(n: number): Float32Array;
  f64(n: number): Float64Array;
}

export function arrays(allocate: Allocate): Arrays {
  return {
    u8: (n) => new Uint8Array(allocate(n)),
    i8: (n) => new Int8Array(allocate(n)),
    u16: (n) => new Uint16Array(allocate(2 * n)),
    i16: (n) => new Int16Array(allocate(2 * n)),
    u32: (n) => new Uint32Array(allocate(4 * n)),
    i32: (n) => new Int32Array(allocate(4 * n)),
    f32: (n) => new Float32Array(allocate(4 * n)),
    f64: (n) => new Float64Array(allocate(8 * n)),
  };
}
