/**
 * Exports of the study list: Anki (tab-separated text with Anki's header lines), Pleco (its flashcard text
 * format) and CSV. Each row joins the saved term with its glossary entry (or, for a word saved from the general
 * dictionary, what the dictionary says of it and the sentence it was saved from) and where the learner met it.
 */
import { spreadsheetCsv } from '../csv';
import type { EntryDetails } from '../entry-details';
import { numberedPinyin } from '../pinyin/tones';
import type { Encounter, SavedTerm, SavedWord } from './model';
import { meaning } from './study-view';

export interface ExportRow {
  term: string;
  pinyin: string;
  gloss: string;
  explanation: string;
  sourceSentence: string;
  sourceTranslation: string;
  /** Headline · outlet · period of the source sentence's article. */
  sourceDocument: string;
  /** The latest sentence where the learner met the term on the web ('' if never). */
  metSentence: string;
  note: string;
}

export function exportRows(
  saved: readonly SavedTerm[],
  details: (term: string) => EntryDetails | null,
  history: readonly Encounter[],
): ExportRow[] {
  return saved.map((item) => {
    const met = history.filter((e) => e.term === item.term).sort((a, b) => b.at.localeCompare(a.at))[0];
    if (item.word)
      return { term: item.term, ...wordFields(item.word), metSentence: met?.sentence ?? '', note: item.note };
    // A term without details (one the glossary no longer has) keeps what the learner gave it: its note, and
    // where they met it.
    const entry = details(item.term);
    const featured = entry?.contexts[0];
    return {
      term: item.term,
      pinyin: entry?.pinyin ?? '',
      gloss: entry?.gloss ?? '',
      explanation: entry?.explanation ?? '',
      sourceSentence: featured?.text ?? '',
      sourceTranslation: featured?.translation ?? '',
      sourceDocument: featured ? `${featured.headline} · ${featured.outlet} · ${featured.period}` : '',
      metSentence: met?.sentence ?? '',
      note: item.note,
    };
  });
}

/**
 * A dictionary word's fields: its readings, its senses (each reading's named, where it has several), where they
 * come from and its measure words, and the sentence it was saved from as its source sentence.
 */
function wordFields(word: SavedWord): Omit<ExportRow, 'term' | 'metSentence' | 'note'> {
  const classifiers = [
    ...new Set(word.entries.flatMap((entry) => entry.classifiers.map((c) => `${c.simplified} ${c.pinyin}`.trim()))),
  ];
  return {
    pinyin: [...new Set(word.entries.map((entry) => entry.pinyin))].join(' / '),
    gloss: meaning(word.entries, true),
    explanation: [DICTIONARY_SOURCE, classifiers.length > 0 ? `Measure words: ${classifiers.join(', ')}.` : '']
      .filter(Boolean)
      .join(' '),
    sourceSentence: word.sentence,
    sourceTranslation: '',
    sourceDocument: '',
  };
}

/** Where a dictionary word's meaning comes from, in its notes: not the Jiaozuo glossary. */
const DICTIONARY_SOURCE = 'From CC-CEDICT, the general Chinese–English dictionary.';

/** The columns of the CSV, and the fields of our own Anki note type (anki-connect.ts), in order. */
export const FIELD_NAMES = [
  'Term',
  'Pinyin',
  'Gloss',
  'Explanation',
  'Source sentence',
  'Translation',
  'Source document',
  'Met on the web',
  'Note',
] as const;

/** A row's fields, in the order of FIELD_NAMES. */
export function fields(row: ExportRow): string[] {
  return [
    row.term,
    row.pinyin,
    row.gloss,
    row.explanation,
    row.sourceSentence,
    row.sourceTranslation,
    row.sourceDocument,
    row.metSentence,
    row.note,
  ];
}

/** Where notes go in Anki: one deck, and one tag to find them by. */
export const ANKI_DECK = 'Jiaozuo Policy Lens';
export const ANKI_TAG = 'jiaozuo-policy-lens';
/** The note type the text export fills: stock Anki's own, so that a plain import keeps everything. */
export const ANKI_FILE_NOTE_TYPE = 'Basic';

/**
 * Text as HTML: Anki's fields are HTML, and a sentence from a web page may hold `<` or `&`. Line breaks become
 * `<br>`; a tab, white space like any other in HTML, a space (it would separate the text file's columns).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/\t/g, ' ');
}

/** The back of a Basic note: everything about the term but the term itself, as HTML; empty parts left out. */
function ankiBack(row: ExportRow): string {
  const part = (html: string, text: string) => (text ? html.replace('$', escapeHtml(text)) : '');
  const source = [
    part('$', row.sourceSentence),
    part('<i>$</i>', row.sourceTranslation),
    part('<small>$</small>', row.sourceDocument),
  ].filter(Boolean);
  return [
    part('<div>$</div>', row.pinyin),
    part('<div><b>$</b></div>', row.gloss),
    part('<div>$</div>', row.explanation),
    source.length > 0 ? `<p>${source.join('<br>')}</p>` : '',
    part('<p><small>Met on the web:</small> $</p>', row.metSentence),
    part('<p><small>Note:</small> $</p>', row.note),
  ].join('');
}

/**
 * A field as Anki's text import reads it (its CSV reader): quoted, with quotes doubled, when it holds the tab
 * separator, a quote or a line break, or starts with `#` (a line starting with `#` would be read as a comment).
 */
function ankiField(value: string): string {
  return /[\t"\r\n]|^#/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Anki's text import (File → Import; its header lines since Anki 2.1.55): UTF-8, tab-separated, HTML. Each note
 * is stock Anki's Basic: the term on the front, the rest on the back; a third column names the deck, which the
 * import creates if it is missing (a `#deck:` header would be ignored for a deck that does not exist yet). No
 * `#columns:` line, so that the columns fill the note type's fields in order, whatever the names of those
 * fields in the learner's Anki language. The term is the first field, which Anki matches duplicates on: a new
 * export of the same terms updates the notes rather than duplicating them.
 */
export function toAnki(rows: readonly ExportRow[]): string {
  const header = [
    '#separator:tab',
    '#html:true',
    `#notetype:${ANKI_FILE_NOTE_TYPE}`,
    '#deck column:3',
    `#tags:${ANKI_TAG}`,
  ];
  const notes = rows.map((row) => [escapeHtml(row.term), ankiBack(row), ANKI_DECK].map(ankiField).join('\t'));
  return [...header, ...notes].join('\n') + '\n';
}

/** One line per field: tabs and line breaks inside a field would split it (Pleco's format has no quoting). */
function flat(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ').trim();
}

/** Pleco's flashcard text: a //category line, then `hanzi<TAB>pinyin<TAB>definition` per card. */
export function toPleco(rows: readonly ExportRow[]): string {
  const lines = ['//Jiaozuo Policy Lens'];
  for (const row of rows) {
    const definition = [row.gloss, row.explanation, row.note && `Note: ${row.note}`].filter(Boolean).join(' — ');
    // A word of several readings (a dictionary word's "fā / fà") leaves the pinyin to Pleco, which fills in what
    // is missing; its definition names each reading.
    const pinyin = row.pinyin.includes(' / ') ? '' : numberedPinyin(row.pinyin).replace(/ /g, '');
    lines.push([row.term, pinyin, definition].map(flat).join('\t'));
  }
  return lines.join('\n') + '\n';
}

/** CSV for spreadsheets (a UTF-8 BOM, formula-like fields neutralised: lib/csv.ts), one row per term. */
export function toCsv(rows: readonly ExportRow[]): string {
  return spreadsheetCsv([[...FIELD_NAMES], ...rows.map(fields)]);
}
