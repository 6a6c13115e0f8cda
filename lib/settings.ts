/**
 * The reader's settings, synced across their browsers (storage.sync): how the lens looks and behaves on pages
 * (the options page), and the learner's choices (the options page and the Learn page share them). The content
 * script imports this module for the lens settings: it holds only the settings, their defaults and their
 * validation, no UI.
 */
import { SYNC_ITEM_BYTES } from './disabled-sites';
import { defineSettings } from './storage/settings';

export type HighlightStyle = 'underline' | 'background' | 'none';
/** The card's theme: from the page's background under the term, or always light, or always dark. */
type CardTheme = 'page' | 'light' | 'dark';
/** What a card shows when it opens: the essentials (with More on request), or everything. */
export type CardView = 'compact' | 'full';

/** How long the pointer must rest on a term before its card opens (ms): a pointer passing over opens nothing. */
export const HOVER_DELAYS = [80, 120, 200, 350] as const;
/** The card's text size (px; its default is the first view's 220 px height budget's). */
export const CARD_FONT_SIZES = [13, 14, 16, 18] as const;

export interface LensSettings {
  /** How terms are marked on pages; 'none' marks nothing, yet pointing at a term still explains it. */
  highlightStyle: HighlightStyle;
  /** Pinyin in the popover coloured by tone. */
  toneColours: boolean;
  pinyinStyle: 'marks' | 'numbers';
  /** What opens the popover: pointing at a term, pointing while holding Shift, or clicking it. */
  popoverTrigger: 'hover' | 'shift-hover' | 'click';
  /** The English translation under the source sentence in the popover. */
  showTranslation: boolean;
  /** Marks each term once a page, at its first occurrence (the others are still explained when pointed at). */
  markFirstOnly: boolean;
  /** Terms the reader chose not to have marked (their main forms); still explained when pointed at. */
  unmarkedTerms: string[];
  /** With the hover trigger: how long the pointer rests on a term before its card opens. */
  hoverDelayMs: (typeof HOVER_DELAYS)[number];
  /** The card's first view; the card's More and Less change it, so the reader's last choice is kept. */
  cardView: CardView;
  cardTheme: CardTheme;
  cardFontSize: (typeof CARD_FONT_SIZES)[number];
}

/** Terms not to mark, kept at most: the settings item must stay within storage.sync's 8 KB. */
const MAX_UNMARKED_TERMS = 100;
const isTermList = (value: unknown) =>
  Array.isArray(value) &&
  value.length <= MAX_UNMARKED_TERMS &&
  value.every((term) => typeof term === 'string' && term.length > 0 && term.length <= 100);

export const lensSettings = defineSettings<LensSettings>(
  'sync:lensSettings',
  {
    highlightStyle: 'underline',
    toneColours: false,
    pinyinStyle: 'marks',
    popoverTrigger: 'hover',
    showTranslation: true,
    markFirstOnly: false,
    unmarkedTerms: [],
    hoverDelayMs: 120,
    cardView: 'compact',
    cardTheme: 'page',
    cardFontSize: 14,
  },
  {
    highlightStyle: ['underline', 'background', 'none'],
    toneColours: [true, false],
    pinyinStyle: ['marks', 'numbers'],
    popoverTrigger: ['hover', 'shift-hover', 'click'],
    showTranslation: [true, false],
    markFirstOnly: [true, false],
    unmarkedTerms: isTermList,
    hoverDelayMs: HOVER_DELAYS,
    cardView: ['compact', 'full'],
    cardTheme: ['page', 'light', 'dark'],
    cardFontSize: CARD_FONT_SIZES,
  },
);

/**
 * Takes a term off the page marks (its main form), or marks it again. False when the list is full (a hundred
 * terms, or the 8 KB storage.sync gives the settings item): a longer list would not be stored, and must not push
 * out another choice unseen, so the reader is told instead.
 */
export async function setTermMarked(term: string, marked: boolean): Promise<boolean> {
  const settings = await lensSettings.read();
  const others = settings.unmarkedTerms.filter((unmarked) => unmarked !== term);
  const unmarkedTerms = marked ? others : [...others, term];
  const bytes = new TextEncoder().encode(JSON.stringify({ lensSettings: { ...settings, unmarkedTerms } })).length;
  if (!marked && (unmarkedTerms.length > MAX_UNMARKED_TERMS || bytes > SYNC_ITEM_BYTES)) return false;
  await lensSettings.update({ unmarkedTerms });
  return true;
}

export interface LearningSettings {
  /** Keep where saved terms were met on the web. */
  historyEnabled: boolean;
  /** …and where any glossary term was met, not only saved ones. */
  historyAllTerms: boolean;
  /** Speak the term when a review card is revealed. */
  speakOnReveal: boolean;
  /** Once one card of a term is reviewed, its other cards wait until the next day (as Anki buries siblings). */
  burySiblings: boolean;
}

const YES_NO = [true, false] as const;

export const learningSettings = defineSettings<LearningSettings>(
  'sync:learningSettings',
  { historyEnabled: true, historyAllTerms: false, speakOnReveal: false, burySiblings: true },
  {
    historyEnabled: YES_NO,
    historyAllTerms: YES_NO,
    speakOnReveal: YES_NO,
    burySiblings: YES_NO,
  },
);
