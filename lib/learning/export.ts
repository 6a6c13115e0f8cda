/**
 * Exports of the study list: Anki (tab-separated text with Anki's header lines), Pleco (its flashcard text
 * format) and CSV. Each row joins the saved term with its glossary entry and where the learner met it.
 */
import { csv } from '../csv';
import type { EntryDetails } from '../entry-details';
import { numberedPinyin } from '../pinyin/tones';
import type { Encounter, SavedTerm } from './model';

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
  return saved.flatMap((item) => {
    const entry = details(item.term);
    if (!entry) return []; // a term the glossary no longer has: nothing to export but its name
    const featured = entry.contexts[0];
    const met = history.filter((e) => e.term === item.term).sort((a, b) => b.at.localeCompare(a.at))[0];
    return [
      {
        term: entry.term,
        pinyin: entry.pinyin,
        gloss: entry.gloss,
        explanation: entry.explanation,
        sourceSentence: featured?.text ?? '',
        sourceTranslation: featured?.translation ?? '',
        sourceDocument: featured ? `${featured.headline} · ${featured.outlet} · ${featured.period}` : '',
        metSentence: met?.sentence ?? '',
        note: item.note,
      },
    ];
  });
}

const COLUMNS = [
  'Term',
  'Pinyin',
  'Gloss',
  'Explanation',
  'Source sentence',
  'Translation',
  'Source document',
  'Met on the web',
  'Note',
];

function fields(row: ExportRow): string[] {
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

/** One line per field: tabs and line breaks inside a field would split it (the format has no quoting with #html:false). */
function flat(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ').trim();
}

/**
 * Anki's text import: UTF-8, header lines first. The first field (the term) is what Anki matches duplicates
 * on, so re-importing updates rather than duplicates.
 */
export function toAnki(rows: readonly ExportRow[]): string {
  const header = [
    '#separator:tab',
    '#html:false',
    '#deck:Jiaozuo Policy Lens',
    '#tags:jiaozuo-policy-lens',
    `#columns:${COLUMNS.join('\t')}`,
  ];
  return [...header, ...rows.map((row) => fields(row).map(flat).join('\t'))].join('\n') + '\n';
}

/** Pleco's flashcard text: a //category line, then `hanzi<TAB>pinyin<TAB>definition` per card. */
export function toPleco(rows: readonly ExportRow[]): string {
  const lines = ['//Jiaozuo Policy Lens'];
  for (const row of rows) {
    const definition = [row.gloss, row.explanation, row.note && `Note: ${row.note}`].filter(Boolean).join(' — ');
    lines.push([row.term, numberedPinyin(row.pinyin).replace(/ /g, ''), definition].map(flat).join('\t'));
  }
  return lines.join('\n') + '\n';
}

export function toCsv(rows: readonly ExportRow[]): string {
  return csv([COLUMNS, ...rows.map(fields)]);
}
