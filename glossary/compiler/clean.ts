/**
 * The cleaner: turns a source file as received into paragraphs and sentences with stable ids, repairing the
 * extraction damage described in shared/sources/README.md without inventing or dropping real text.
 * Every repair is counted, so that the tests can pin each kind on the real sources.
 */
import { endsSentence, normaliseSpacing, splitSentences } from './text';

interface LineMove {
  /** The displaced line starts with this. */
  line: string;
  /** It continues the line that ends with this. */
  after: string;
}

export interface LayoutSpec {
  id: string;
  layout: 'blocks' | 'columns';
  headings?: readonly string[];
  moves?: readonly LineMove[];
}

interface Sentence {
  /** `000.p12.s3`: document, paragraph and sentence, counted from 1. */
  id: string;
  text: string;
}

interface Paragraph {
  id: string;
  kind: 'heading' | 'byline' | 'text';
  text: string;
  sentences: Sentence[];
}

export interface CleanedDocument {
  id: string;
  paragraphs: Paragraph[];
  repairs: {
    linesMoved: number;
    lineBreaksJoined: number;
    repeatedParagraphsRemoved: number;
    repeatedClausesRemoved: number;
  };
  /** The text the repairs removed as repeats, for auditing: nothing else is ever dropped. */
  removed: string[];
}

/**
 * A paragraph that repeats an earlier one, whole or in part, is an extraction artefact (000 repeats its
 * closing paragraphs, sometimes without their first sentence). Shorter ones may legitimately recur.
 */
const MIN_REPEATED_PARAGRAPH = 20;
/** Likewise for a repeated clause inside one sentence. */
const MIN_REPEATED_CLAUSE = 8;

export function cleanDocument(raw: string, spec: LayoutSpec): CleanedDocument {
  const repairs = { linesMoved: 0, lineBreaksJoined: 0, repeatedParagraphsRemoved: 0, repeatedClausesRemoved: 0 };
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim());
  for (const move of spec.moves ?? []) {
    applyMove(lines, move, spec.id);
    repairs.linesMoved++;
  }

  const blocks = spec.layout === 'columns' ? columnBlocks(lines, spec) : blankLineBlocks(lines);
  const removed: string[] = [];
  const earlier: string[] = [];
  const paragraphs: Paragraph[] = [];
  for (const block of blocks) {
    repairs.lineBreaksJoined += block.lines.length - 1;
    const joined = block.lines.join('').replace(/^#+\s*/, '');
    const kind = paragraphKind(block, joined);
    // Headings and bylines keep the spaces that separate their words ("认清大背景 弄清楚为什么要打造先行区").
    const text = normaliseSpacing(joined, { keepWordSpaces: kind !== 'text' });
    if (text.length === 0) continue;
    if (text.length >= MIN_REPEATED_PARAGRAPH && earlier.some((paragraph) => paragraph.includes(text))) {
      repairs.repeatedParagraphsRemoved++;
      removed.push(text);
      continue;
    }
    earlier.push(text);
    const id = `${spec.id}.p${paragraphs.length + 1}`;
    const sentenceTexts = kind === 'text' ? splitSentences(text) : [text];
    const sentences = sentenceTexts.map((sentence, i) => {
      const deduplicated = removeRepeatedClauses(sentence);
      repairs.repeatedClausesRemoved += deduplicated.removed.length;
      removed.push(...deduplicated.removed);
      return { id: `${id}.s${i + 1}`, text: deduplicated.text };
    });
    paragraphs.push({ id, kind, text: sentences.map((s) => s.text).join(''), sentences });
  }
  return { id: spec.id, paragraphs, repairs, removed };
}

/** Blocks-layout headings are not marked: they are short blocks that do not end a sentence. */
const MAX_HEADING = 40;

function paragraphKind(block: Block, text: string): Paragraph['kind'] {
  if (/^[□▶]/.test(text)) return 'byline';
  if (block.kind === 'heading') return 'heading';
  if (block.fromBlankLines && text.length <= MAX_HEADING && !/[，,]|——$|[）)]$/.test(text) && !endsSentence(text))
    return 'heading';
  return 'text';
}

interface Block {
  kind: 'heading' | 'text';
  lines: string[];
  fromBlankLines?: boolean;
}

function applyMove(lines: string[], move: LineMove, docId: string): void {
  const from = findOnly(lines, (line) => line.startsWith(move.line), `${docId}: moves.line "${move.line}"`);
  const [moved] = lines.splice(from, 1);
  const to = findOnly(lines, (line) => line.endsWith(move.after), `${docId}: moves.after "${move.after}"`);
  lines.splice(to + 1, 0, moved!);
}

function findOnly(lines: string[], test: (line: string) => boolean, what: string): number {
  const hits = lines.flatMap((line, i) => (test(line) ? [i] : []));
  if (hits.length !== 1) throw new Error(`${what} matches ${hits.length} lines; it must match exactly one`);
  return hits[0]!;
}

/** Blocks layout: blank lines separate paragraphs; lines inside a block are pieces of one paragraph. */
function blankLineBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0)
      blocks.push({ kind: /^#/.test(current[0]!) ? 'heading' : 'text', lines: current, fromBlankLines: true });
    current = [];
  };
  for (const line of lines) {
    if (line === '') flush();
    else if (line.startsWith('#')) {
      flush();
      current.push(line);
      flush();
    } else current.push(line);
  }
  flush();
  return blocks;
}

/**
 * Columns layout: blank lines mean nothing. A paragraph ends with a line that ends a sentence, or with a
 * bracketed note that it opened ("（作者为……）"). Known headings and byline lines stand alone.
 */
function columnBlocks(lines: string[], spec: LayoutSpec): Block[] {
  const headings = new Set(spec.headings ?? []);
  const unused = new Set(headings);
  const blocks: Block[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push({ kind: 'text', lines: current });
    current = [];
  };
  for (const line of lines) {
    if (line === '') continue;
    if (headings.has(line)) {
      unused.delete(line);
      flush();
      blocks.push({ kind: 'heading', lines: [line] });
      continue;
    }
    if (/^[□▶]/.test(line)) {
      flush();
      blocks.push({ kind: 'text', lines: [line] });
      continue;
    }
    current.push(line);
    const closesNote = current[0]!.startsWith('（') && line.endsWith('）');
    if (endsSentence(line) || closesNote) flush();
  }
  flush();
  if (unused.size > 0) throw new Error(`${spec.id}: headings not found as lines: ${[...unused].join(' | ')}`);
  return blocks;
}

/**
 * The extraction of 003 repeated a clause inside one sentence. A comma-separated clause that repeats an
 * earlier clause of the same sentence word for word is dropped with its comma.
 */
function removeRepeatedClauses(sentence: string): { text: string; removed: string[] } {
  const parts = sentence.split(/(?<=[，,；;])/);
  const seen = new Set<string>();
  const kept: string[] = [];
  const removed: string[] = [];
  for (const part of parts) {
    const clause = part.replace(/[，,；;。！？]+$/, '');
    if (clause.length >= MIN_REPEATED_CLAUSE && seen.has(clause)) {
      removed.push(clause);
      // The dropped clause's ending punctuation (。 at the end of the sentence) belongs to what came before.
      const ending = part.slice(clause.length);
      if (/[。！？]/.test(ending) && kept.length > 0)
        kept[kept.length - 1] = kept[kept.length - 1]!.replace(/[，,；;]$/, ending);
      continue;
    }
    seen.add(clause);
    kept.push(part);
  }
  return { text: kept.join(''), removed };
}
