/**
 * Build-time half of the matcher: turns the glossary's keys into flat trie tables (plain number arrays, so
 * they travel as JSON and load into typed arrays without any parsing work in the content script).
 */
import { foldCode, stripQuotes } from './characters';

export interface TrieTables {
  /** For node n, its edges are edgeChar/edgeTarget[edgeStart[n] .. edgeStart[n + 1]), sorted by char. */
  edgeStart: number[];
  edgeChar: number[];
  edgeTarget: number[];
  /** For node n, the index of the entry whose key ends there, or -1. */
  entryAt: number[];
  /** The flags of the keys that have any (lib/matcher/sense.ts), as pairs: node, flags. */
  keyFlags: number[];
}

export interface TrieKey {
  key: string;
  entry: number;
  /** How the key may be matched (lib/matcher/sense.ts): ANCHOR, AMBIGUOUS, HEAD, WORD_CHECKED. */
  flags?: number;
}

/** The form a key takes in the trie: every character folded as the matcher folds the text. */
export function normaliseKey(key: string): string {
  let out = '';
  for (const ch of key) out += String.fromCharCode(foldCode(ch.charCodeAt(0)));
  return out;
}

/**
 * A key as written (quotes and all: “345”创新行动 matches “345”创新行动 and "345"创新行动) and, where it has
 * quotation marks, without them (345创新行动). Quotes elsewhere in the text stop a match, so that 地黄 is not
 * found in 首选地”“黄河.
 */
function keyVariants(key: string): string[] {
  const bare = stripQuotes(key);
  return bare === key ? [key] : [key, bare];
}

export function compileTrie(keys: readonly TrieKey[]): TrieTables {
  const children: Map<number, number>[] = [new Map()];
  const entryAt: number[] = [-1];
  const flagsAt = new Map<number, number>();
  for (const { key, entry, flags = 0 } of keys.flatMap(({ key, entry, flags }) =>
    keyVariants(key).map((variant) => ({ key: variant, entry, flags })),
  )) {
    const normal = normaliseKey(key);
    if (normal.length === 0) throw new Error(`empty matcher key for entry ${entry}`);
    let node = 0;
    for (let i = 0; i < normal.length; i++) {
      const code = normal.charCodeAt(i);
      let next = children[node]!.get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        entryAt.push(-1);
        children[node]!.set(code, next);
      }
      node = next;
    }
    const existing = entryAt[node]!;
    if (existing !== -1 && existing !== entry) {
      throw new Error(`matcher key "${key}" belongs to two entries (${existing} and ${entry})`);
    }
    entryAt[node] = entry;
    if (flags !== 0) flagsAt.set(node, flags);
  }
  const keyFlags = [...flagsAt].sort(([a], [b]) => a - b).flat();
  const tables: TrieTables = { edgeStart: [], edgeChar: [], edgeTarget: [], entryAt, keyFlags };
  for (const edges of children) {
    tables.edgeStart.push(tables.edgeChar.length);
    for (const [code, target] of [...edges].sort((a, b) => a[0] - b[0])) {
      tables.edgeChar.push(code);
      tables.edgeTarget.push(target);
    }
  }
  tables.edgeStart.push(tables.edgeChar.length);
  return tables;
}
