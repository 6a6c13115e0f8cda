/**
 * The general dictionary on the page: pointing at Chinese text that is no glossary term opens the dictionary's
 * card for the longest word that starts at the character under the pointer (Zhongwen's rule), marked on the page
 * with a highlight of its own while the card is open. While it is, keys step to the shorter words inside it (J,
 * and K back) and to the next and previous word (N, B); a glossary term stepped onto opens its own card, and the
 * keys go on from there. The background answers from CC-CEDICT (dictionary-lookup): one message once the pointer
 * rests on a character (the lens's hover intent, as for a glossary term), none while it moves; the last answers
 * are kept.
 */
import type { browser } from 'wxt/browser';
import type { DictionaryWord } from '../dictionary-types';
import { sendToBackground } from '../messages/send';
import type { LensSettings } from '../settings';
import { speak } from '../speech';
import type { TermMatch } from './annotations';
import type { Highlights } from './highlights';
import type { CharacterAt } from './pointer';
import type { PopoverHost } from './popover-host';
import type { DictionaryCardProps } from './popover/DictionaryCard';
import { sentenceAround } from './sentence';
import { inSkippedSubtree } from './text-runs';
import { indexOf, pointAt, rangeOf, readWindow, type TextWindow } from './text-window';
import { charLength, nextHanStart, previousCharacterStart, previousHanEnd } from './word-steps';

/** Answers kept: the pointer often comes back to a word it left. */
const KEPT_ANSWERS = 16;
/** Characters without a word of their own passed over by one step at most (CC-CEDICT lacks a few rare ones). */
const MAX_SKIPS = 8;

interface Answer {
  words: DictionaryWord[];
  saved: Set<string>;
}

/** A boundary point of the page's text. */
interface Point {
  node: Text;
  offset: number;
}

interface Shown {
  window: TextWindow;
  /** The words at the point, longest first (dictionary-lookup's answer, offsets into window.text). */
  words: DictionaryWord[];
  index: number;
  saved: Set<string>;
  /** The character its words start at. */
  at: CharacterAt;
  range: StaticRange;
}

export interface WordLensOptions {
  doc: Document;
  runtime: typeof browser.runtime;
  popover: PopoverHost;
  highlight: Highlights['word'];
  settings(): LensSettings;
  /** The card's theme for a word drawn there (the reader's, or the page's: the glossary card's rule). */
  themeFor(range: AbstractRange): 'light' | 'dark';
  /** The glossary match covering a character, if any (annotations.ts: the terms the page shows as such). */
  glossaryMatchAt(node: Text, offset: number): TermMatch | null;
  /** Shows a glossary term's card (one stepped onto): the lens calls hide() first. */
  openTerm(match: TermMatch): void;
  /** The dictionary's card took the popover: the lens forgets the glossary card it showed. */
  onShow(): void;
  /** The page's address and title, for the history of a word saved from the card. */
  page(): { url: string; title: string };
}

export class WordLens {
  private shown: Shown | null = null;
  /** Where the keys step from: the word shown, or the glossary term a step reached. */
  private cursor: { start: Point; end: Point } | null = null;
  /** The character whose words were last asked for, until the answer is shown (one question at a time). */
  private asking: CharacterAt | null = null;
  /** Counts lookups and hides: an answer is shown only if nothing came after its question. */
  private request = 0;
  private readonly answers = new Map<string, Answer>();

  constructor(private readonly options: WordLensOptions) {}

  /** Whether the dictionary's card is open. */
  get isShown(): boolean {
    return this.shown !== null;
  }

  /** Whether a character of the page is in the word the card shows. */
  covers(at: CharacterAt): boolean {
    if (!this.shown) return false;
    const index = indexOf(this.shown.window, at.node, at.offset);
    const word = this.shown.words[this.shown.index]!;
    return index >= word.start && index < word.end;
  }

  /** Whether the card shows the words that start at a character of the page (or they are being asked for). */
  showsWordsAt(at: CharacterAt): boolean {
    const current = this.shown?.at ?? this.asking;
    return current !== null && same(current, at);
  }

  /**
   * Shows the card of the longest word that starts at a Chinese character no glossary term covers (the pointer
   * rested there, or clicked it); nothing if no word does.
   */
  show(at: CharacterAt): void {
    if (this.showsWordsAt(at)) return;
    void this.lookUp(at);
  }

  /** Forgets the card (the lens hid the popover, or shows a glossary term's card): the word is no longer marked. */
  hide(): void {
    this.asking = null;
    this.request++;
    this.shown = null;
    this.cursor = null;
    this.options.highlight.clear();
  }

  /**
   * A key pressed while a card the keys step from is open: N and B step to the next and previous word, J and K to
   * a shorter and back to a longer word at the same place. True when it was one of ours (the caller keeps it from
   * the page); never while the reader is typing.
   */
  onKey(event: KeyboardEvent): boolean {
    if (!this.cursor || !this.options.popover.isOpen) return false;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || isTyping(event, this.options.doc))
      return false;
    const key = event.key.toLowerCase();
    if (key === 'n' || key === 'b') {
      void this.step(key === 'n' ? 1 : -1);
      return true;
    }
    const shown = this.shown;
    if (!shown || (key !== 'j' && key !== 'k')) return false;
    this.choose(shown.index + (key === 'j' ? 1 : -1));
    return true;
  }

  private async lookUp(at: CharacterAt): Promise<void> {
    // Code, an editor, a form field, the glossary page's own controls: not text the lens reads.
    if (inSkippedSubtree(at.node)) return;
    const mine = ++this.request;
    this.asking = at;
    const window = readWindow(at.node, at.offset);
    const answer = await this.ask(window.text, window.offset, false);
    if (mine !== this.request) return;
    this.asking = null;
    if (!answer || answer.words.length === 0) return;
    this.present({ window, words: answer.words, index: 0, saved: answer.saved, at });
  }

  /** The next (1) or previous (-1) word from the cursor, passing over what starts none; a glossary term's card. */
  private async step(direction: 1 | -1): Promise<void> {
    const cursor = this.cursor;
    if (!cursor) return;
    const mine = ++this.request;
    let from: Point = direction > 0 ? cursor.end : cursor.start;
    for (let skips = 0; skips < MAX_SKIPS; skips++) {
      const around = readWindow(from.node, from.offset);
      // Where the word would start (or, going back, end), and the character there.
      const edge =
        direction > 0 ? nextHanStart(around.text, around.offset) : previousHanEnd(around.text, around.offset);
      if (edge < 0) return; // no more Chinese in the run within reach
      const first = direction > 0 ? edge : previousCharacterStart(around.text, edge);
      const character = pointAt(around, first)!;
      const match = this.options.glossaryMatchAt(character.node, character.offset);
      if (match) return this.openTerm(match);
      // Read again from there: the lookup needs the word's length on its side.
      const point = direction > 0 ? character : pointAt(around, edge, true)!;
      const window = readWindow(point.node, point.offset);
      const answer = await this.ask(window.text, window.offset, direction < 0);
      if (mine !== this.request || !answer) return;
      const longest = answer.words[0];
      if (longest) {
        const at = pointAt(window, longest.start)!;
        return this.present({ window, words: answer.words, index: 0, saved: answer.saved, at });
      }
      // A character the dictionary has no word for: passed over.
      from = direction > 0 ? pointAt(around, first + charLength(around.text, first), true)! : character;
    }
  }

  /** A glossary term reached by a step: its own card, and the keys go on from it. */
  private openTerm(match: TermMatch): void {
    this.options.openTerm(match);
    this.cursor = {
      start: { node: match.startNode, offset: match.startOffset },
      end: { node: match.endNode, offset: match.endOffset },
    };
  }

  /** Another of the words at the same place (J, K, or picked in the card). */
  private choose(index: number): void {
    const shown = this.shown;
    if (!shown || index < 0 || index >= shown.words.length || index === shown.index) return;
    this.present({ ...shown, index });
  }

  private present(next: Omit<Shown, 'range'>): void {
    const word = next.words[next.index]!;
    const range = rangeOf(next.window, word.start, word.end);
    if (!range) return;
    const shown: Shown = { ...next, range };
    this.shown = shown;
    this.cursor = {
      start: { node: range.startContainer as Text, offset: range.startOffset },
      end: { node: range.endContainer as Text, offset: range.endOffset },
    };
    this.options.highlight.show(range);
    this.options.onShow();
    void this.options.popover.showWord(this.cardProps(shown), range);
  }

  private cardProps(shown: Shown): DictionaryCardProps {
    const word = shown.words[shown.index]!;
    return {
      words: shown.words,
      index: shown.index,
      onChoose: (index) => this.choose(index),
      saved: shown.saved.has(word.text),
      onToggleSave: async (save) => {
        // Saved with the sentence it stands in: its context for review, and where the learner met it.
        const met = save ? { page: this.options.page(), sentence: sentenceAround(shown.range) } : {};
        const answer = await sendToBackground(this.options.runtime, 'save-word', {
          word: word.text,
          save,
          ...met,
        }).catch(() => undefined);
        const saved = answer?.saved ?? !save;
        this.answers.clear(); // they say what was saved before
        if (saved) shown.saved.add(word.text);
        else shown.saved.delete(word.text);
        return saved;
      },
      onSpeak: speak,
      onCopy: (text) => this.options.popover.copy(text),
      pinyinStyle: this.options.settings().pinyinStyle,
      theme: this.options.themeFor(shown.range),
      fontSize: this.options.settings().cardFontSize,
    };
  }

  /** The words at (or, `ending`, before) `offset` of `text`: a kept answer, or the background's. */
  private async ask(text: string, offset: number, ending: boolean): Promise<Answer | null> {
    const key = `${ending ? '<' : '>'}${offset}:${text}`;
    const kept = this.answers.get(key);
    if (kept) {
      this.answers.delete(key); // kept longest when used most recently
      this.answers.set(key, kept);
      return kept;
    }
    const reply = await sendToBackground(this.options.runtime, 'dictionary-lookup', {
      text,
      offset,
      ...(ending ? { ending } : {}),
    }).catch(() => undefined); // the background was asleep or reloading: nothing to show this time
    if (!reply || reply.unavailable) return null;
    const answer = { words: reply.words, saved: new Set(reply.saved) };
    this.answers.set(key, answer);
    if (this.answers.size > KEPT_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }
}

function same(a: CharacterAt, b: CharacterAt): boolean {
  return a.node === b.node && a.offset === b.offset;
}

/** Whether a key goes into something the reader is writing: a field, an editor, a document in design mode. */
function isTyping(event: KeyboardEvent, doc: Document): boolean {
  if (doc.designMode === 'on') return true;
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return false;
  const name = target.localName;
  return name === 'input' || name === 'textarea' || name === 'select' || (target as HTMLElement).isContentEditable;
}
