// Events scheduled for future days: one growable Int32 list per day (a bucket queue). Work follows
// events — an agent with nothing scheduled costs nothing on a day. A day's list is released once
// the day is done. Growth doubles, so pushing costs amortised O(1) and the daily loop allocates
// only when a day sees more events than any before it.
export class DayQueue {
  private readonly lists: Int32Array[];
  private readonly lengths: Int32Array;

  constructor(readonly lastDay: number) {
    this.lists = new Array(lastDay + 2);
    this.lengths = new Int32Array(lastDay + 2);
    const empty = new Int32Array(0);
    for (let d = 0; d < this.lists.length; d++) this.lists[d] = empty;
  }

  push(day: number, value: number): void {
    if (day > this.lastDay) return;
    const n = this.lengths[day];
    let list = this.lists[day];
    if (n === list.length) {
      const grown = new Int32Array(Math.max(16, list.length * 2));
      grown.set(list);
      this.lists[day] = list = grown;
    }
    list[n] = value;
    this.lengths[day] = n + 1;
  }

  /**
   * Pushes every i in [from, to) on day days[i], skipping days past the last: a count per day,
   * then each list grown once and filled in order — for day 0, when every agent gets its first
   * candidate at once and pushing them one by one would scatter writes over every day's list
   * (a quarter of the time of day 0 at 10^6 agents).
   */
  pushEach(days: Int16Array, from: number, to: number): void {
    const counts = new Int32Array(this.lists.length);
    for (let i = from; i < to; i++) if (days[i] <= this.lastDay) counts[days[i]]++;
    for (let d = 0; d < counts.length; d++) {
      const needed = this.lengths[d] + counts[d];
      if (needed > this.lists[d].length) {
        const grown = new Int32Array(needed);
        grown.set(this.lists[d].subarray(0, this.lengths[d]));
        this.lists[d] = grown;
      }
    }
    for (let i = from; i < to; i++) {
      const d = days[i];
      if (d <= this.lastDay) this.lists[d][this.lengths[d]++] = i;
    }
  }

  /** The list for a day (read its first `length(day)` entries). */
  list(day: number): Int32Array {
    return this.lists[day];
  }

  length(day: number): number {
    return this.lengths[day];
  }

  release(day: number): void {
    this.lists[day] = new Int32Array(0);
    this.lengths[day] = 0;
  }
}
