/**
 * Run-time half of the matcher: walks the trie tables over a string. Runs in the content script on every
 * page, so it allocates nothing per character and rejects most positions with a few operations: a filter
 * over the first two characters of every key (in Chinese text a quarter of all characters can start a key,
 * but few of those go on with a second character that any key has), then one table read for the root.
 */
import { QUOTE, QUOTE_CHARS, foldCode, isAsciiWord } from './characters';
import type { TrieTables } from './compile';

export interface Match {
  /** UTF-16 offsets into the searched string; [start, end). */
  start: number;
  end: number;
  /** Index of the glossary entry. */
  entry: number;
  /** How the key matched may be taken (lib/matcher/sense.ts): ANCHOR, AMBIGUOUS, HEAD, WORD_CHECKED. */
  flags: number;
}

/** Bits in the two-character filter: 8 KB, a few hundred of them set by a glossary of a few hundred terms. */
const PAIR_BITS = 16;
const PAIR_MASK = (1 << PAIR_BITS) - 1;

/** The filter's bit for two code units as they stand in the text. */
function pairHash(first: number, second: number): number {
  return ((first << 7) ^ second) & PAIR_MASK;
}

/** foldCode, answering its commonest case here: CJK ideographs (Extension A and the main block) never fold. */
function fold(code: number): number {
  return code >= 0x3400 && code < 0xa000 ? code : foldCode(code);
}

/**
 * The code units that fold to `code` (itself, a full-width ASCII form, or every quotation mark), written into
 * `out`; returns how many. Into a buffer, not a new array: the constructor asks this for every edge of the root
 * and of its children, on every page's start-up, when the code still runs in the interpreter.
 */
function codeUnitsOf(code: number, out: Uint16Array): number {
  if (code === QUOTE) {
    for (let i = 0; i < QUOTE_CHARS.length; i++) out[i] = QUOTE_CHARS.charCodeAt(i);
    return QUOTE_CHARS.length;
  }
  out[0] = code;
  if (code > 0x20 && code < 0x7f) {
    out[1] = code + 0xfee0;
    return 2;
  }
  return 1;
}

export class Matcher {
  /** Node n's edges are edgeStart[n] .. edgeStart[n + 1], and edge e leads to node e + 1 (compile.ts). */
  private readonly edgeStart: Uint32Array;
  private readonly edgeChar: Uint16Array;
  private readonly entryAt: Int32Array;
  private readonly flagsAt: Uint8Array;
  /** For each code unit, 1 + the index of the root's edge it takes (after folding), or 0: it starts no key. */
  private readonly rootEdge: Uint8Array | Uint16Array;
  /**
   * Bit pairHash(a, b) is set when some key starts with code units a, b (in any of their foldings). A
   * one-character key sets every bit: correct, only slower (the glossary has none).
   */
  private readonly pairs = new Uint32Array((PAIR_MASK + 1) >>> 5);

  constructor(tables: TrieTables) {
    const nodes = tables.childCounts.length;
    this.edgeStart = new Uint32Array(nodes + 1);
    for (let n = 0; n < nodes; n++) this.edgeStart[n + 1] = this.edgeStart[n]! + tables.childCounts[n]!;
    this.edgeChar = new Uint16Array(tables.edgeChars.length);
    for (let e = 0; e < tables.edgeChars.length; e++) this.edgeChar[e] = tables.edgeChars.charCodeAt(e);
    this.entryAt = new Int32Array(nodes).fill(-1);
    for (let i = 0; i < tables.keyEntries.length; i += 2)
      this.entryAt[tables.keyEntries[i]!] = tables.keyEntries[i + 1]!;
    this.flagsAt = new Uint8Array(nodes);
    for (let i = 0; i < tables.keyFlags.length; i += 2) this.flagsAt[tables.keyFlags[i]!] = tables.keyFlags[i + 1]!;
    // The root's edges come first (edgeStart[0] is 0), so their indices are small: one byte each, mostly.
    const rootEdges = this.edgeStart[1]!;
    this.rootEdge = rootEdges < 0xff ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
    const firsts = new Uint16Array(QUOTE_CHARS.length);
    const seconds = new Uint16Array(QUOTE_CHARS.length);
    for (let e = 0; e < rootEdges; e++) {
      const node = e + 1;
      if (this.entryAt[node]! >= 0) this.pairs.fill(0xffffffff);
      const firstCount = codeUnitsOf(this.edgeChar[e]!, firsts);
      for (let i = 0; i < firstCount; i++) {
        const first = firsts[i]!;
        this.rootEdge[first] = e + 1;
        for (let f = this.edgeStart[node]!; f < this.edgeStart[node + 1]!; f++) {
          const secondCount = codeUnitsOf(this.edgeChar[f]!, seconds);
          for (let j = 0; j < secondCount; j++) {
            const bit = pairHash(first, seconds[j]!);
            this.pairs[bit >>> 5]! |= 1 << (bit & 31);
          }
        }
      }
    }
  }

  /**
   * Leftmost-longest, non-overlapping matches: what the page highlights. `from` and `until` bound where
   * matches may start (one may run on past `until`), so that a very long text can be matched in pieces: go on
   * from the later of `until` and the last match's end, and the matches are those of one pass.
   */
  findLongest(text: string, from = 0, until = text.length): Match[] {
    const matches: Match[] = [];
    const length = text.length;
    const pairs = this.pairs;
    const entryAt = this.entryAt;
    const rootEdge = this.rootEdge;
    const edgeStart = this.edgeStart;
    const edgeChar = this.edgeChar;
    let i = from;
    let code = i < length ? text.charCodeAt(i) : 0;
    // Bounded by the text's length, with `until` tested inside: V8 then drops the bounds checks of charCodeAt
    // (a loop bounded by `until` alone measured 5-10% slower on sparse text).
    while (i < length) {
      if (i >= until) break;
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      const bit = pairHash(code, next);
      if ((pairs[bit >>> 5]! & (1 << (bit & 31))) === 0) {
        // No key starts at i. If none starts with the next character either, i + 1 is out too: step over both
        // (in Chinese text three positions in four, which then cost one table read instead of a second pair test).
        if (rootEdge[next] === 0) {
          i += 2;
          code = i < length ? text.charCodeAt(i) : 0;
        } else {
          i++;
          code = next;
        }
        continue;
      }
      const edge = rootEdge[code]!;
      if (edge === 0 || !this.canStartAt(text, i)) {
        i++;
        code = next;
        continue;
      }
      // The longest key from i: follow the trie as far as the text goes along it.
      let bestEnd = -1;
      let bestNode = -1;
      let node = edge; // edge (edge - 1) + 1
      for (let end = i + 1; ; end++) {
        if (entryAt[node]! >= 0 && this.canEndAt(text, end)) {
          bestEnd = end;
          bestNode = node;
        }
        if (end >= length) break;
        // child(node, code), written out: this is the content script's hottest loop, and the call costs here.
        const unit = fold(text.charCodeAt(end));
        let low = edgeStart[node]!;
        let high = edgeStart[node + 1]! - 1;
        node = -1;
        while (low <= high) {
          const mid = (low + high) >>> 1;
          const c = edgeChar[mid]!;
          if (c === unit) {
            node = mid + 1;
            break;
          }
          if (c < unit) low = mid + 1;
          else high = mid - 1;
        }
        if (node < 0) break;
      }
      if (bestEnd < 0) {
        i++;
        code = next;
        continue;
      }
      matches.push({ start: i, end: bestEnd, entry: entryAt[bestNode]!, flags: this.flagsAt[bestNode]! });
      i = bestEnd;
      code = i < length ? text.charCodeAt(i) : 0;
    }
    return matches;
  }

  /** Every occurrence of every key, overlapping ones included: what the build records as contexts. */
  findAll(text: string): Match[] {
    const matches: Match[] = [];
    for (let i = 0; i < text.length; i++) {
      if (this.rootEdge[text.charCodeAt(i)] === 0 || !this.canStartAt(text, i)) continue;
      this.walk(text, i, (end, entry, flags) => matches.push({ start: i, end, entry, flags }));
    }
    return matches;
  }

  /** A term starting with an ASCII letter or digit cannot start inside an ASCII word. */
  private canStartAt(text: string, i: number): boolean {
    return i === 0 || !isAsciiWord(text.charCodeAt(i)) || !isAsciiWord(text.charCodeAt(i - 1));
  }

  /** Nor can one ending with an ASCII letter or digit end inside an ASCII word. */
  private canEndAt(text: string, end: number): boolean {
    return end >= text.length || !isAsciiWord(text.charCodeAt(end - 1)) || !isAsciiWord(text.charCodeAt(end));
  }

  /** Calls onKey(end, entry, flags) for each key that starts at `start`, shortest first. */
  private walk(text: string, start: number, onKey: (end: number, entry: number, flags: number) => void): void {
    const length = text.length;
    let node = 0;
    for (let j = start; j < length; j++) {
      node = this.child(node, foldCode(text.charCodeAt(j)));
      if (node < 0) return;
      const entry = this.entryAt[node]!;
      if (entry >= 0 && this.canEndAt(text, j + 1)) onKey(j + 1, entry, this.flagsAt[node]!);
    }
  }

  private child(node: number, code: number): number {
    let low = this.edgeStart[node]!;
    let high = this.edgeStart[node + 1]! - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const c = this.edgeChar[mid]!;
      if (c === code) return mid + 1;
      if (c < code) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}
