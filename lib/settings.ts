/**
 * The reader's settings, synced across their browsers (storage.sync): how the lens looks and behaves on pages
 * (the options page), and the learner's choices (the options page and the Learn page share them). The content
 * script imports this module for the lens settings: it holds only the settings, their defaults and their
 * validation, no UI.
 */
import { defineSettings } from './storage/settings';

export type HighlightStyle = 'underline' | 'background' | 'none';

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
  },
  {
    highlightStyle: ['underline', 'background', 'none'],
    toneColours: [true, false],
    pinyinStyle: ['marks', 'numbers'],
    popoverTrigger: ['hover', 'shift-hover', 'click'],
    showTranslation: [true, false],
    markFirstOnly: [true, false],
    unmarkedTerms: isTermList,
  },
);

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
