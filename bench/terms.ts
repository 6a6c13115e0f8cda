/**
 * The glossary's keys as the peers need them: the strings the trie holds (every term and alias, with and
 * without its inner quotation marks), and one RegExp alternation of all of them.
 */
import { QUOTE, QUOTE_CHARS } from '../lib/matcher/characters';
import type { TrieTables } from '../lib/matcher/compile';

/** Every key in the trie, read back by walking it. */
export function trieKeys(tables: TrieTables): string[] {
  const keys: string[] = [];
  const visit = (node: number, prefix: string): void => {
    if (tables.entryAt[node]! >= 0) keys.push(prefix);
    for (let e = tables.edgeStart[node]!; e < tables.edgeStart[node + 1]!; e++) {
      visit(tables.edgeTarget[e]!, prefix + String.fromCharCode(tables.edgeChar[e]!));
    }
  };
  visit(0, '');
  return keys;
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
