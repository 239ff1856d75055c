// Phase 1 of a day reads state and writes records; phase 2 applies them. A record is four Int32s:
// [kind | channel << 4 | converted << 7, target, source, day]. Applying records is commutative, so
// the order in which workers wrote them never changes the result.
export const EXPOSE = 1;
export const PURCHASE = 2;
export const LAPSE = 4;
export const RECORD_INTS = 4;

export class RecordLog {
  data: Int32Array;
  /** Records written, including any that did not fit in a fixed-size log. */
  length = 0;

  /** A fixed log lives on shared memory and cannot grow: overflow is reported, never silent. */
  constructor(
    capacityRecords: number,
    readonly fixed = false,
    data?: Int32Array,
  ) {
    this.data = data ?? new Int32Array(capacityRecords * RECORD_INTS);
  }

  get capacity(): number {
    return this.data.length / RECORD_INTS;
  }

  get overflowed(): boolean {
    return this.length > this.capacity;
  }

  clear(): void {
    this.length = 0;
  }

  push(kind: number, channel: number, converted: number, target: number, source: number, day: number): void {
    let at = this.length * RECORD_INTS;
    if (at + RECORD_INTS > this.data.length) {
      if (this.fixed) {
        this.length++;
        return;
      }
      const grown = new Int32Array(Math.max(64, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data;
    d[at++] = kind | (channel << 4) | (converted << 7);
    d[at++] = target;
    d[at++] = source;
    d[at] = day;
    this.length++;
  }
}
