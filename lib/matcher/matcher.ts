/**
 * Run-time half of the matcher: walks the trie tables over a string. Runs in the content script on every
 * page, so it allocates nothing per character and rejects most positions with one array read (the
 * first-character filter).
 */
import { QUOTE, QUOTE_CHARS, foldCode, isAsciiWord } from './characters';
import type { TrieTables } from './compile';

export interface Match {
  /** UTF-16 offsets into the searched string; [start, end). */
  start: number;
  end: number;
  /** Index of the glossary entry. */
  entry: number;
}

export class Matcher {
  private readonly edgeStart: Uint32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeTarget: Uint32Array;
  private readonly entryAt: Int32Array;
  /** 1 where a code unit can start a term (ASCII also under its full-width form, a quote as any quote). */
  private readonly startsTerm = new Uint8Array(0x10000);

  constructor(tables: TrieTables) {
    this.edgeStart = Uint32Array.from(tables.edgeStart);
    this.edgeChar = Uint16Array.from(tables.edgeChar);
    this.edgeTarget = Uint32Array.from(tables.edgeTarget);
    this.entryAt = Int32Array.from(tables.entryAt);
    for (let e = this.edgeStart[0]!; e < this.edgeStart[1]!; e++) {
      const code = this.edgeChar[e]!;
      this.startsTerm[code] = 1;
      if (code > 0x20 && code < 0x7f) this.startsTerm[code + 0xfee0] = 1;
    }
    if (this.startsTerm[QUOTE] === 1) for (const ch of QUOTE_CHARS) this.startsTerm[ch.charCodeAt(0)] = 1;
  }

  /** Leftmost-longest, non-overlapping matches: what the page highlights. */
  findLongest(text: string): Match[] {
    const matches: Match[] = [];
    const length = text.length;
    let i = 0;
    while (i < length) {
      if (this.startsTerm[text.charCodeAt(i)] === 0 || !this.canStartAt(text, i)) {
        i++;
        continue;
      }
      let bestEnd = -1;
      let bestEntry = -1;
      this.walk(text, i, (end, entry) => {
        bestEnd = end;
        bestEntry = entry;
      });
      if (bestEnd < 0) {
        i++;
        continue;
      }
      matches.push({ start: i, end: bestEnd, entry: bestEntry });
      i = bestEnd;
    }
    return matches;
  }

  /** Every occurrence of every key, overlapping ones included: what the build records as contexts. */
  findAll(text: string): Match[] {
    const matches: Match[] = [];
    for (let i = 0; i < text.length; i++) {
      if (this.startsTerm[text.charCodeAt(i)] === 0 || !this.canStartAt(text, i)) continue;
      this.walk(text, i, (end, entry) => matches.push({ start: i, end, entry }));
    }
    return matches;
  }

  /** A term starting with an ASCII letter or digit cannot start inside an ASCII word. */
  private canStartAt(text: string, i: number): boolean {
    return i === 0 || !isAsciiWord(text.charCodeAt(i)) || !isAsciiWord(text.charCodeAt(i - 1));
  }

  /** Calls onKey(end, entry) for each key that starts at `start`, shortest first. */
  private walk(text: string, start: number, onKey: (end: number, entry: number) => void): void {
    const length = text.length;
    let node = 0;
    for (let j = start; j < length; j++) {
      const raw = text.charCodeAt(j);
      node = this.child(node, foldCode(raw));
      if (node < 0) return;
      const entry = this.entryAt[node]!;
      if (entry >= 0 && !(j + 1 < length && isAsciiWord(raw) && isAsciiWord(text.charCodeAt(j + 1)))) {
        onKey(j + 1, entry);
      }
    }
  }

  private child(node: number, code: number): number {
    let low = this.edgeStart[node]!;
    let high = this.edgeStart[node + 1]! - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const c = this.edgeChar[mid]!;
      if (c === code) return this.edgeTarget[mid]!;
      if (c < code) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}
