/**
 * The glossary's keys as the peers need them: the strings the trie holds (every term and alias, with and
 * without its inner quotation marks), and one RegExp alternation of all of them.
 */
import { QUOTE, QUOTE_CHARS } from '../lib/matcher/characters';
import type { TrieTables } from '../lib/matcher/compile';

/** Every key in the trie, read back by walking it. */
export function trieKeys(tables: TrieTables): string[] {
  // Breadth-first numbering (compile.ts): node n's children are the next childCounts[n] nodes, edge e leads to
  // node e + 1, so each node's string is its parent's plus its edge's character.
  const strings = [''];
  let edge = 0;
  tables.childCounts.forEach((count, node) => {
    for (let i = 0; i < count; i++, edge++) strings[edge + 1] = strings[node]! + tables.edgeChars[edge]!;
  });
  const ends = new Set(tables.keyEntries.filter((_, i) => i % 2 === 0));
  return strings.filter((_, node) => ends.has(node));
}

/**
 * One alternation of all keys, longest first: a RegExp takes the first alternative that matches at a
 * position, so this order gives the longest key there. A folded quotation mark matches any quote style.
 * (It does not apply the ASCII-word rule or width folding: the RegExp is given the easier job.)
 */
export function alternationSource(keys: readonly string[]): string {
  const quote = `[${QUOTE_CHARS.replace(/[\\\]^-]/g, '\\$&')}]`;
  return [...keys]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((key) =>
      [...key].map((ch) => (ch.charCodeAt(0) === QUOTE ? quote : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join(''),
    )
    .join('|');
}
