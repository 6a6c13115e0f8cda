/**
 * Build-time half of the matcher: turns the glossary's keys into flat trie tables (plain number arrays, so
 * they travel as JSON and load into typed arrays without any parsing work in the content script).
 */
import { foldCode, stripQuotes } from './characters';

/**
 * The trie, compactly (the content script carries it). Nodes are numbered breadth-first, children in the order of
 * their characters, so that node n's edges are the `childCounts[n]` edges that follow those of the nodes before it
 * and edge e leads to node e + 1: no edge targets or offsets need to travel.
 */
export interface TrieTables {
  /** For each node, breadth-first, how many children it has. */
  childCounts: number[];
  /** Each edge's character (one code unit), in edge order. */
  edgeChars: string;
  /** The nodes that end a key, with the index of its entry, as pairs: node, entry. */
  keyEntries: number[];
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
  const entryAt = new Map<number, number>();
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
        children[node]!.set(code, next);
      }
      node = next;
    }
    const existing = entryAt.get(node);
    if (existing !== undefined && existing !== entry) {
      throw new Error(`matcher key "${key}" belongs to two entries (${existing} and ${entry})`);
    }
    entryAt.set(node, entry);
    if (flags !== 0) flagsAt.set(node, flags);
  }
  // Breadth-first numbering: the queue's order is the numbering.
  const order = [0];
  const numberOf = new Map([[0, 0]]);
  const tables: TrieTables = { childCounts: [], edgeChars: '', keyEntries: [], keyFlags: [] };
  for (let i = 0; i < order.length; i++) {
    const edges = [...children[order[i]!]!].sort((a, b) => a[0] - b[0]);
    tables.childCounts.push(edges.length);
    for (const [code, child] of edges) {
      numberOf.set(child, order.length);
      order.push(child);
      tables.edgeChars += String.fromCharCode(code);
    }
  }
  const pairs = (byNode: Map<number, number>) =>
    [...byNode]
      .map(([node, value]) => [numberOf.get(node)!, value])
      .sort(([a], [b]) => a! - b!)
      .flat() as number[];
  tables.keyEntries = pairs(entryAt);
  tables.keyFlags = pairs(flagsAt);
  return tables;
}
