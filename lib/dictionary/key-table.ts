/**
 * A sorted table of strings searched in place: the strings are grouped by length (in UTF-16 code units), each
 * group sorted and stored at a fixed stride, so that no per-string offset is needed (the offsets would be the
 * largest part of the file after the text, and compress worst). Row r of a table lies in the group of its
 * length; rows are numbered group after group, shortest first, and other arrays are laid out in row order.
 *
 * Finding the strings that a text has at an offset is one binary search per length; finding those that start
 * with a prefix is two per length. Both are a few microseconds.
 */

export interface PackedKeys {
  /** The code units of every row, group after group. */
  chars: Uint16Array;
  /** groupStart[length] is the first row of that length; groupStart[maxLength + 1] is the row count. */
  groupStart: Uint32Array;
  /** For each row, the index in the given list of the string it holds. */
  order: number[];
}

/** Build time: lays out `keys` (duplicates allowed: each gets its own row, in the order given). */
export function packKeys(keys: readonly string[]): PackedKeys {
  const maxLength = keys.reduce((longest, key) => Math.max(longest, key.length), 0);
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      return x.length - y.length || (x < y ? -1 : x > y ? 1 : a - b);
    });
  const groupStart = new Uint32Array(maxLength + 2);
  for (const key of keys) groupStart[key.length + 1]!++;
  for (let length = 1; length < groupStart.length; length++) groupStart[length]! += groupStart[length - 1]!;
  const chars = new Uint16Array(keys.reduce((sum, key) => sum + key.length, 0));
  let at = 0;
  for (const i of order) {
    const key = keys[i]!;
    for (let c = 0; c < key.length; c++) chars[at++] = key.charCodeAt(c);
  }
  return { chars, groupStart, order };
}

export class KeyTable {
  readonly rows: number;
  readonly maxLength: number;
  /** Where each group's code units start in `chars`. */
  private readonly charStart: number[] = [];

  constructor(
    private readonly chars: Uint16Array,
    private readonly groupStart: Uint32Array,
  ) {
    this.maxLength = groupStart.length - 2;
    this.rows = groupStart[groupStart.length - 1] ?? 0;
    let at = 0;
    for (let length = 0; length <= this.maxLength; length++) {
      this.charStart.push(at);
      at += (groupStart[length + 1]! - groupStart[length]!) * length;
    }
    if (at !== chars.length) throw new RangeError(`key table: ${chars.length} code units, expected ${at}`);
  }

  lengthOf(row: number): number {
    let length = 1;
    while (row >= this.groupStart[length + 1]!) length++;
    return length;
  }

  text(row: number): string {
    const length = this.lengthOf(row);
    const at = this.charStart[length]! + (row - this.groupStart[length]!) * length;
    return String.fromCharCode(...this.chars.subarray(at, at + length));
  }

  /** The rows holding exactly text[start, start + length), as [first, end). */
  find(text: string, start: number, length: number): [number, number] {
    if (length > this.maxLength || length < 1 || start + length > text.length) return [0, 0];
    return this.range(text, start, length, length);
  }

  /** The rows that start with `prefix`, as one [first, end) per length, shortest first. */
  withPrefix(prefix: string): [number, number][] {
    const ranges: [number, number][] = [];
    for (let length = Math.max(1, prefix.length); length <= this.maxLength; length++) {
      const found = this.range(prefix, 0, prefix.length, length);
      if (found[1] > found[0]) ranges.push(found);
    }
    return ranges;
  }

  /** Rows of the group `length` whose first `count` units equal text[start, start + count). */
  private range(text: string, start: number, count: number, length: number): [number, number] {
    const first = this.groupStart[length]!;
    const rows = this.groupStart[length + 1]! - first;
    const base = this.charStart[length]!;
    const chars = this.chars;
    /** Whether row r's first `count` units sort before the text's (or, with `orEqual`, are equal to them). */
    const before = (r: number, orEqual: boolean): boolean => {
      const at = base + r * length;
      for (let i = 0; i < count; i++) {
        const a = chars[at + i]!;
        const b = text.charCodeAt(start + i);
        if (a !== b) return a < b;
      }
      return orEqual;
    };
    let low = 0;
    let high = rows;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(mid, false)) low = mid + 1;
      else high = mid;
    }
    let end = low;
    high = rows;
    while (end < high) {
      const mid = (end + high) >>> 1;
      if (before(mid, true)) end = mid + 1;
      else high = mid;
    }
    return [first + low, first + end];
  }
}
