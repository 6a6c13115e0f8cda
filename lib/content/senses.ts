/**
 * Which of a block's matches are the glossary's sense on this page (glossary/README.md, "Where a form is
 * matched"), before they are recorded: a head noun must head no longer name; a short or ambiguous form must stand
 * as a word (the background, which holds the dictionary, answers; until it has, the match waits); an ambiguous
 * form needs a page about Jiaozuo, one with an anchor. What is not the glossary's sense is simply not a match.
 *
 * The page's state changes what a block's matches are: an anchor that appears, or the last one that goes, and a
 * word-check answer that comes, send the blocks they concern to be scanned again (`rescan`).
 */
import type { Match } from '../matcher/matcher';
import { AMBIGUOUS, inGlossarySense } from '../matcher/sense';
import type { BackgroundProtocol } from '../messages/protocol';

type WordCheck = BackgroundProtocol['word-check']['request']['checks'][number];

/** Characters of the page's text on each side of a match that the word check sees (its messages allow 64). */
const CONTEXT = 24;
/** Checks sent at most in one message. */
const CHECKS_PER_MESSAGE = 200;

export class PageSenses {
  /** The blocks whose last scan kept an anchor. */
  private readonly anchorBlocks = new Set<Element>();
  /** Blocks with an ambiguous match that waited for an anchor, or that was kept thanks to one. */
  private readonly ambiguousBlocks = new Set<Element>();
  /** Word checks answered (key: checkKey), asked and not answered yet, and the blocks waiting for each. */
  private readonly answered = new Map<string, boolean>();
  private readonly waiting = new Map<string, { check: WordCheck; blocks: Set<Element> }>();
  private sendScheduled = false;
  private wasAboutJiaozuo = false;

  constructor(
    /** Asks the background the word checks (null: the dictionary could not be read). */
    private readonly ask: (checks: WordCheck[]) => Promise<boolean[] | null>,
    /** Scans these blocks again, soon. */
    private readonly rescan: (blocks: Iterable<Element>) => void,
  ) {}

  /** Whether the page holds an anchor (a frame on its own). */
  get aboutJiaozuo(): boolean {
    for (const block of this.anchorBlocks) {
      if (block.isConnected) return true;
      this.anchorBlocks.delete(block);
    }
    return false;
  }

  /** The matches of one run of a block's text (`matches` found in `text`) that are the glossary's sense. */
  keep(block: Element, text: string, matches: readonly Match[]): Match[] {
    if (matches.some((match) => match.flags & AMBIGUOUS)) this.ambiguousBlocks.add(block);
    return inGlossarySense(text, matches, this.aboutJiaozuo, (match, before, after) =>
      this.standsAsWord(block, text, match, before, after),
    );
  }

  /**
   * The block's scan is done, with or without an anchor among what it kept. When the page becomes about Jiaozuo,
   * or stops being so, the blocks with ambiguous forms are scanned again.
   */
  blockDone(block: Element, keptAnAnchor: boolean): void {
    if (keptAnAnchor) this.anchorBlocks.add(block);
    else this.anchorBlocks.delete(block);
    const about = this.aboutJiaozuo;
    if (about === this.wasAboutJiaozuo) return;
    this.wasAboutJiaozuo = about;
    // The block itself too: its ambiguous forms were judged before its anchor was known.
    const blocks = [...this.ambiguousBlocks].filter((other) => other.isConnected);
    this.ambiguousBlocks.clear();
    if (blocks.length > 0) this.rescan(blocks);
  }

  /** The word check's answer if known; otherwise asks for it (the block is scanned again when it comes). */
  private standsAsWord(block: Element, text: string, match: Match, before: number, after: number): boolean {
    // Between two cuts a match stands as a word whatever the dictionary holds: no question, and no key to build
    // (that key, hashed for every short match, was most of the rule's cost on a scan).
    if (isCut(text, match.start - 1, before, after) && isCut(text, match.end, before, after)) return true;
    const from = Math.max(before, match.start - CONTEXT);
    const to = Math.min(after, match.end + CONTEXT);
    const check: WordCheck = {
      text: text.slice(from, to),
      start: match.start - from,
      end: match.end - from,
      strict: (match.flags & AMBIGUOUS) !== 0,
    };
    const key = `${check.start},${check.end},${check.strict ? 1 : 0},${check.text}`;
    const known = this.answered.get(key);
    if (known !== undefined) return known;
    const waiting = this.waiting.get(key);
    if (waiting) waiting.blocks.add(block);
    else this.waiting.set(key, { check, blocks: new Set([block]) });
    this.scheduleSend();
    return false;
  }

  private scheduleSend(): void {
    if (this.sendScheduled) return;
    this.sendScheduled = true;
    // After the current scan slice: one message for the checks a slice's blocks asked.
    setTimeout(() => {
      this.sendScheduled = false;
      void this.send();
    }, 0);
  }

  private async send(): Promise<void> {
    const batch = [...this.waiting].slice(0, CHECKS_PER_MESSAGE);
    for (const [key] of batch) this.waiting.delete(key);
    if (this.waiting.size > 0) this.scheduleSend();
    const stands = await this.ask(batch.map(([, { check }]) => check)).catch(() => null);
    const blocks = new Set<Element>();
    batch.forEach(([key, { check, blocks: waiting }], i) => {
      // Without the dictionary, an unambiguous form stands (it is rarely wrong); an ambiguous one does not.
      this.answered.set(key, stands?.[i] ?? !check.strict);
      for (const block of waiting) if (block.isConnected) blocks.add(block);
    });
    if (blocks.size > 0) this.rescan(blocks);
  }
}

/**
 * Whether text[at] ends a word for certain: it lies outside [before, after) (the text's ends, or neighbouring
 * glossary matches, where the background's check cuts too), or it is a space or punctuation, which no dictionary
 * word continues across. (CC-CEDICT writes a few proverbs with a comma inside; a term met right beside one is
 * still taken as a word.)
 */
function isCut(text: string, at: number, before: number, after: number): boolean {
  if (at < before || at >= after) return true;
  const code = text.charCodeAt(at);
  return (
    code <= 0x2f ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7f) ||
    (code >= 0x2000 && code <= 0x206f) || // spaces and general punctuation (“ ” ‘ ’ … —)
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation (、 。 《 》 「 」)
    (code >= 0xff01 && code <= 0xff0f) || // full-width ！＂＃％＆（）＊＋，－．／
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65)
  );
}
