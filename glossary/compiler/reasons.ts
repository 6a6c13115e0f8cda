/**
 * A pinyin override's reason may compare the term with another word: "as in 记载" (the characters they share are
 * read alike) or "unlike 启蒙" (read differently). The build holds that comparison to how the glossary itself
 * reads the word: in the other entries whose terms contain it, or else as the glossary would compute it.
 */
import { hanCount, syllables } from './pinyin';

const HAN = /\p{Script=Han}/u;
const COMPARISON = /\b(as in|unlike)\s+(\p{Script=Han}+)/giu;

export interface Reading {
  term: string;
  pinyin: string;
}

/** The syllable for each Chinese character of a term, or null where they do not pair up (erhua, a bad count). */
function syllablesByCharacter({ term, pinyin }: Reading): { ch: string; syllable: string }[] | null {
  const chars = [...term].filter((ch) => HAN.test(ch));
  const found = syllables(pinyin, term);
  if (found.length !== hanCount(term)) return null;
  return chars.map((ch, i) => ({ ch, syllable: found[i]! }));
}

/** How the glossary reads each character of `word`: from every other entry whose term contains it, or computed. */
function readingsOf(word: string, others: readonly Reading[], compute: (word: string) => string): string[][] {
  const readings: string[][] = [];
  for (const other of others) {
    const pairs = syllablesByCharacter(other);
    if (!pairs) continue;
    const han = pairs.map((p) => p.ch).join('');
    for (let at = han.indexOf(word); at >= 0; at = han.indexOf(word, at + 1))
      readings.push(pairs.slice(at, at + word.length).map((p) => p.syllable));
  }
  if (readings.length > 0) return readings;
  const computed = syllablesByCharacter({ term: word, pinyin: compute(word) });
  return computed ? [computed.map((p) => p.syllable)] : [];
}

/** Problems with the comparisons a reason makes, or [] when each agrees with the glossary's readings. */
export function reasonProblems(
  entry: Reading & { reason: string },
  others: readonly Reading[],
  compute: (word: string) => string,
): string[] {
  const own = syllablesByCharacter(entry);
  if (!own) return [];
  const problems: string[] = [];
  for (const [, said, word] of entry.reason.matchAll(COMPARISON)) {
    const kind = said!.toLowerCase();
    const shared = [...word!].filter((ch) => own.some((p) => p.ch === ch));
    if (shared.length === 0) {
      problems.push(`says "${kind} ${word}", but ${word} shares no character with ${entry.term}`);
      continue;
    }
    for (const reading of readingsOf(word!, others, compute)) {
      for (const ch of shared) {
        const theirs = reading[[...word!].indexOf(ch)]!;
        const ours = own.find((p) => p.ch === ch)!.syllable;
        if ((kind === 'as in') !== (theirs === ours))
          problems.push(
            `says "${kind} ${word}", but the glossary reads ${ch} in ${word} as ${theirs} and here as ${ours}`,
          );
      }
    }
  }
  return [...new Set(problems)];
}
