/** What a learner keeps: saved terms, their review cards and log, and where they met terms on the web. */
import type { DictionaryEntry, WordRef } from '../dictionary-types';
import { isWebAddress } from './history';

export interface SavedTerm {
  /** The term as saved: for a glossary term, its entry's main form; for a dictionary word, as the page wrote it. */
  term: string;
  /** ISO date-time. */
  savedAt: string;
  note: string;
  /** Present for a word saved from the general dictionary (CC-CEDICT) rather than the glossary (data format 2). */
  word?: SavedWord;
}

/**
 * A word of the general dictionary on the study list: what the dictionary said of it when it was saved (kept, so
 * that the Learn page and the exports need not read the dictionary), and the sentence it was met in.
 */
export interface SavedWord {
  /** Every entry written so: each reading with its senses, in CC-CEDICT's order. */
  entries: DictionaryEntry[];
  /** The page's sentence it was saved from, its context for review ('' when none was kept). */
  sentence: string;
}

/** Entries a saved word keeps at most (CC-CEDICT's most for one form is fewer). */
export const MAX_SAVED_ENTRIES = 12;

/** The three ways a term is asked. */
export const DIRECTIONS = ['recognize', 'produce', 'cloze'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A ts-fsrs card with its dates as ISO strings, so that it survives JSON storage. */
export interface StoredCard {
  term: string;
  direction: Direction;
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last_review?: string;
}

/** One answer, for streaks and the progress chart. */
export interface ReviewLogEntry {
  term: string;
  direction: Direction;
  /** 1 again, 2 hard, 3 good, 4 easy. */
  rating: number;
  at: string;
}

/** A sighting of a term on a web page: where the learner met it. */
export interface Encounter {
  term: string;
  url: string;
  title: string;
  at: string;
  /** The page's own sentence around the term. */
  sentence: string;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isIsoDate = (value: unknown): value is string => isString(value) && !Number.isNaN(Date.parse(value));
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function isSavedTerm(value: unknown): value is SavedTerm {
  return (
    isRecord(value) &&
    isString(value.term) &&
    value.term.length > 0 &&
    isIsoDate(value.savedAt) &&
    isString(value.note) &&
    (value.word === undefined || isSavedWord(value.word))
  );
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

function isWordRef(value: unknown): value is WordRef {
  return isRecord(value) && isString(value.traditional) && isString(value.simplified) && isString(value.pinyin);
}

const isRefList = (value: unknown): value is WordRef[] => Array.isArray(value) && value.every(isWordRef);

function isDictionaryEntry(value: unknown): value is DictionaryEntry {
  if (!isWordRef(value)) return false;
  const { senses, classifiers, variantOf } = value as Partial<DictionaryEntry>;
  return isStringList(senses) && isRefList(classifiers) && isRefList(variantOf);
}

function isSavedWord(value: unknown): value is SavedWord {
  return (
    isRecord(value) &&
    Array.isArray(value.entries) &&
    value.entries.length > 0 &&
    value.entries.length <= MAX_SAVED_ENTRIES &&
    value.entries.every(isDictionaryEntry) &&
    isString(value.sentence)
  );
}

export function isStoredCard(value: unknown): value is StoredCard {
  return (
    isRecord(value) &&
    isString(value.term) &&
    DIRECTIONS.includes(value.direction as Direction) &&
    isIsoDate(value.due) &&
    ['stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'].every(
      (k) => isNumber(value[k]),
    ) &&
    (value.last_review === undefined || isIsoDate(value.last_review))
  );
}

export function isReviewLogEntry(value: unknown): value is ReviewLogEntry {
  return (
    isRecord(value) &&
    isString(value.term) &&
    DIRECTIONS.includes(value.direction as Direction) &&
    [1, 2, 3, 4].includes(value.rating as number) &&
    isIsoDate(value.at)
  );
}

/** A sighting; its address is a web page's (a backup file could hold any scheme, `javascript:` included). */
export function isEncounter(value: unknown): value is Encounter {
  return (
    isRecord(value) &&
    isString(value.term) &&
    isString(value.url) &&
    isWebAddress(value.url) &&
    isString(value.title) &&
    isIsoDate(value.at) &&
    isString(value.sentence)
  );
}
