/**
 * The style sheet's names (glossary/STYLE.md, the table under "## Names"): the English name of each recurring
 * thing and the spellings it replaces. The build enforces what a machine can: no English text of the glossary
 * uses a replaced spelling, every translation of a sentence that mentions a named thing uses its name, and the
 * gloss of a named entry gives the name.
 */
import { stripQuotes } from '../../lib/matcher/characters';
import { normaliseKey } from '../../lib/matcher/compile';

export const STYLE_FILE = 'STYLE.md';

export interface StyleName {
  /** The Chinese forms the name is for; none for a spelling rule (center, not centre). */
  chinese: string[];
  english: string;
  /** Spellings that must not be used: other names for the same thing, or other spellings of a word. */
  not: string[];
  line: number;
}

/** An English text of the glossary and where it is, for messages: `entries/x.yaml: entry "…", field "gloss"`. */
interface EnglishText {
  where: string;
  text: string;
}

const NONE = '—';

interface Row {
  cells: string[];
  line: number;
}

/** The body rows of the first table in a "## …" section, with their line numbers (counted from 1). */
function tableRows(markdown: string, section: string, problems: string[]): Row[] {
  const lines = markdown.split('\n');
  const heading = lines.findIndex((line) => line.trim() === `## ${section}`);
  if (heading < 0) {
    problems.push(`${STYLE_FILE}: no "## ${section}" section`);
    return [];
  }
  const rows: Row[] = [];
  let header = true;
  for (let i = heading + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('|')) {
      if (!header) break;
      continue;
    }
    const cells = line
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
    if (header || cells.every((cell) => /^:?-+:?$/.test(cell))) header = false;
    else rows.push({ cells, line: i + 1 });
  }
  if (rows.length === 0) problems.push(`${STYLE_FILE}: the "## ${section}" section has no table rows`);
  return rows;
}

/** The rows of the table under "## Names": | Chinese | English | Not |. */
export function readStyleNames(markdown: string, problems: string[]): StyleName[] {
  return tableRows(markdown, 'Names', problems).flatMap(({ cells, line }) => {
    const [chinese = '', english = '', not = ''] = cells;
    if (cells.length !== 3 || english === '') {
      problems.push(`${STYLE_FILE}, line ${line}: a name row has three cells, Chinese | English | Not`);
      return [];
    }
    return [
      {
        chinese: chinese === NONE ? [] : chinese.split('/').map((form) => form.trim()),
        english,
        not: not === '' || not === NONE ? [] : not.split(';').map((variant) => variant.trim()),
        line,
      },
    ];
  });
}

/** The words of the table under "## Neutral tones": | Word | Reading |, e.g. 粮食 → liáng shi. */
export function readNeutralTones(markdown: string, problems: string[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const { cells, line } of tableRows(markdown, 'Neutral tones', problems)) {
    const [word = '', reading = ''] = cells;
    const syllables = reading.split(' ').filter((s) => s.length > 0);
    if (cells.length !== 2 || !/^\p{Script=Han}+$/u.test(word) || syllables.length !== [...word].length)
      problems.push(`${STYLE_FILE}, line ${line}: a neutral-tone row is | word | one syllable per character |`);
    else if (!syllables.some((syllable) => /^[a-zü]+$/.test(syllable)))
      problems.push(`${STYLE_FILE}, line ${line}: "${reading}" has no neutral-tone (unmarked) syllable`);
    else words.set(word, syllables.join(' '));
  }
  return words;
}

/** The style sheet's name for a Chinese form (quotes dropped, widths folded), if it has one. */
function nameIndex(names: readonly StyleName[]): Map<string, StyleName> {
  const index = new Map<string, StyleName>();
  for (const name of names) for (const form of name.chinese) index.set(normaliseKey(stripQuotes(form)), name);
  return index;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name or spelling as a whole word, in any letter case, its plural included (enterprise, enterprises). */
const word = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu');

/** Problems with texts that use a spelling the style sheet replaces. A style-sheet name itself never counts. */
function replacedSpellings(names: readonly StyleName[], texts: readonly EnglishText[]): string[] {
  const problems: string[] = [];
  const masks = names.map((name) => word(name.english));
  const blank = (m: string) => ' '.repeat(m.length);
  for (const { where, text } of texts) {
    let masked = masks.reduce((t, mask) => t.replace(mask, blank), text);
    for (const name of names) {
      // The longest variant first, and what it matched is then blanked: "Dashahe River" is one fault, not two.
      for (const variant of [...name.not].sort((a, b) => b.length - a.length)) {
        if (!word(variant).test(masked)) continue;
        problems.push(`${where}: writes "${variant}"; ${STYLE_FILE} (line ${name.line}) says "${name.english}"`);
        masked = masked.replace(word(variant), blank);
      }
    }
  }
  return problems;
}

/** Whether a text uses a name, in any letter case (a name may start a sentence, or sit in a title). */
function usesName(text: string, name: StyleName): boolean {
  return word(name.english).test(text);
}

export interface StyledEntry {
  where: string;
  term: string;
  gloss: string;
  explanation: string;
}

export interface StyledTranslation {
  where: string;
  translation: string;
  /** The forms of entries that the translated sentence mentions, as the sentence writes them. */
  mentions: readonly string[];
}

/** Every way the glossary's English departs from the style sheet's names. */
export function styleProblems(
  names: readonly StyleName[],
  entries: readonly StyledEntry[],
  translations: readonly StyledTranslation[],
): string[] {
  const index = nameIndex(names);
  const nameOf = (form: string) => index.get(normaliseKey(stripQuotes(form)));
  const problems = replacedSpellings(names, [
    ...entries.flatMap(({ where, gloss, explanation }) => [
      { where: `${where}, field "gloss"`, text: gloss },
      { where: `${where}, field "explanation"`, text: explanation },
    ]),
    ...translations.map(({ where, translation }) => ({ where: `${where}, field "translation"`, text: translation })),
  ]);
  for (const { where, term, gloss } of entries) {
    const name = nameOf(term);
    if (name && !usesName(gloss, name))
      problems.push(`${where}, field "gloss": ${STYLE_FILE} (line ${name.line}) calls ${term} "${name.english}"`);
  }
  for (const { where, translation, mentions } of translations) {
    for (const form of new Set(mentions)) {
      const name = nameOf(form);
      if (name && !usesName(translation, name))
        problems.push(
          `${where}, field "translation": the sentence mentions ${form}; ${STYLE_FILE} (line ${name.line}) calls it "${name.english}"`,
        );
    }
  }
  return problems;
}
