/** Character-level normalisation of the extracted text: spacing and punctuation width. */

/** Han characters, CJK punctuation, full-width forms, and the typographic marks Chinese text uses. */
function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // radicals, CJK punctuation, kana, Han
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x2014 && c <= 0x201d) || // — ‘ ’ “ ”
    c === 0x2026 || // …
    c === 0xb7 || // ·
    (c >= 0x25a0 && c <= 0x25ff) // □ ● ▶ used as bullets and byline marks
  );
}

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};

/**
 * Spacing: runs of white space collapse to one space, and a space next to Chinese text goes (the extraction
 * spaced out justified lines: "迈 好 第 一 步"). Spaces between Latin words stay.
 * Punctuation: ASCII , ; : ( ) ! ? written next to Chinese text become their full-width forms, as in the
 * other sources, so that 003 reads like the rest (also "83.62%;3个"); inside numbers ("1,000", "8:30") they
 * are left alone.
 */
export function normaliseSpacing(text: string, options: { keepWordSpaces?: boolean } = {}): string {
  const collapsed = text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  let out = '';
  for (let i = 0; i < collapsed.length; i++) {
    const ch = collapsed[i]!;
    if (ch === ' ') {
      if (!options.keepWordSpaces && (isCjk(out[out.length - 1]) || isCjk(collapsed[i + 1]))) continue;
      out += ch;
      continue;
    }
    const wide = FULL_WIDTH[ch];
    const before = out[out.length - 1];
    const after = collapsed[i + 1] === ' ' ? collapsed[i + 2] : collapsed[i + 1];
    out += wide !== undefined && (isCjk(before) || isCjk(after) || (ch === ';' && before === '%')) ? wide : ch;
  }
  return out;
}

const SENTENCE_END = /[。！？!?]/;
const CLOSERS = /[”’」』）)]/;

/** Splits a paragraph after 。！？ (and the closing quotes or brackets that follow them). */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    if (!SENTENCE_END.test(paragraph[i]!)) continue;
    let end = i + 1;
    while (end < paragraph.length && (SENTENCE_END.test(paragraph[end]!) || CLOSERS.test(paragraph[end]!))) end++;
    sentences.push(paragraph.slice(start, end));
    start = end;
    i = end - 1;
  }
  if (start < paragraph.length) sentences.push(paragraph.slice(start));
  return sentences.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** True when a line of a narrow column ends a paragraph: it ends a sentence. */
export function endsSentence(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && CLOSERS.test(line[i]!)) i--;
  return i >= 0 && SENTENCE_END.test(line[i]!);
}
