/**
 * What a learner does, as changes of the stored data shared by the Learn page, the popup and the background.
 * Each is one atomic, serialised change (store.ts); a failure throws a StorageFault that names what was not saved.
 */
import type { LearnerData } from './backup';
import { withSavedSighting } from './history';
import type { Encounter, ReviewLogEntry, SavedWord, StoredCard } from './model';
import { cardsFor, rate } from './scheduling';
import { LOG_CAP, changeData, loadData, savedTerms } from './store';

/**
 * Saves a glossary term (and gives it its review cards), with where the learner met it when they saved it from a
 * page (lib/learning/sightings.ts decides whether that is kept), in one change. Saving a saved term changes only
 * the history.
 */
export async function saveTerm(term: string, now: Date, sighting: Encounter | null = null): Promise<void> {
  await saveItem(term, undefined, now, sighting);
}

/**
 * Saves a word of the general dictionary, with what the dictionary says of it and the sentence it was met in, as
 * saveTerm saves a glossary term. A term already on the study list stays as it was saved (from the glossary or
 * the dictionary): one item a term.
 */
export async function saveWord(term: string, word: SavedWord, now: Date, sighting: Encounter | null): Promise<void> {
  await saveItem(term, word, now, sighting);
}

async function saveItem(
  term: string,
  word: SavedWord | undefined,
  now: Date,
  sighting: Encounter | null,
): Promise<void> {
  const save = ({ studyList, cards }: Pick<LearnerData, 'studyList' | 'cards'>) =>
    studyList.some((s) => s.term === term)
      ? {}
      : {
          studyList: [...studyList, { term, savedAt: now.toISOString(), note: '', ...(word ? { word } : {}) }],
          cards: [...cards, ...cardsFor(term, cards, now)],
        };
  const what = { action: 'save-term', term } as const;
  if (!sighting) return void (await changeData(['studyList', 'cards'], save, { now, what }));
  await changeData(
    ['studyList', 'cards', 'history'],
    (data) => ({ ...save(data), history: withSavedSighting(data.history, sighting) }),
    { now, what },
  );
}

/** Removes a term and its cards; its review log stays, for the streak and the chart. */
export async function removeTerm(term: string): Promise<void> {
  await changeData(
    ['studyList', 'cards'],
    ({ studyList, cards }) => ({
      studyList: studyList.filter((s) => s.term !== term),
      cards: cards.filter((c) => c.term !== term),
    }),
    { what: { action: 'remove-term', term } },
  );
}

export async function setNote(term: string, note: string): Promise<void> {
  await changeData(
    ['studyList'],
    ({ studyList }) => ({ studyList: studyList.map((s) => (s.term === term ? { ...s, note } : s)) }),
    {
      what: { action: 'note', term },
    },
  );
}

/** Asked on every hover of a term: reads the study list alone. */
export async function isSaved(term: string): Promise<boolean> {
  return (await savedTerms()).has(term);
}

/** One answer as it was recorded: the card before and after it, and its log entry, so that it can be undone. */
export interface Answer {
  before: StoredCard;
  after: StoredCard;
  log: ReviewLogEntry;
}

export async function recordReview(card: StoredCard, rating: 1 | 2 | 3 | 4, now: Date): Promise<Answer> {
  const result = rate(card, rating, now);
  await changeData(
    ['cards', 'log'],
    ({ cards, log }) => ({
      cards: cards.map((c) => (isSameCard(c, card) ? result.card : c)),
      log: [...log, result.log].slice(-LOG_CAP),
    }),
    { now, what: { action: 'answer', term: card.term } },
  );
  return { before: card, after: result.card, log: result.log };
}

/**
 * Takes an answer back: its card is as it was before, and its log entry is gone (so the streak, the chart and the
 * burying of the term's other cards forget it too). Returns false, changing nothing, when the card has changed
 * since (answered again in another tab, or removed): undoing would then throw that later change away.
 */
export async function undoReview(answer: Answer): Promise<boolean> {
  let undone = false;
  await changeData(
    ['cards', 'log'],
    ({ cards, log }) => {
      const current = cards.find((c) => isSameCard(c, answer.after));
      if (!current || !isSameReview(current, answer.after)) return {};
      const entry = log.findLastIndex(
        (e) => isSameCard(e, answer.log) && e.rating === answer.log.rating && e.at === answer.log.at,
      );
      undone = true;
      return {
        cards: cards.map((c) => (c === current ? answer.before : c)),
        log: entry >= 0 ? log.toSpliced(entry, 1) : log,
      };
    },
    { what: { action: 'undo-answer', term: answer.before.term } },
  );
  return undone;
}

const isSameCard = (a: Pick<StoredCard, 'term' | 'direction'>, b: Pick<StoredCard, 'term' | 'direction'>) =>
  a.term === b.term && a.direction === b.direction;
/** Whether a card is still as one review left it (any later review changes its count and its date). */
const isSameReview = (a: StoredCard, b: StoredCard) =>
  a.reps === b.reps && a.due === b.due && a.last_review === b.last_review;

export async function eraseHistory(): Promise<void> {
  await changeData(['history'], () => ({ history: [] }), { what: { action: 'erase-history' } });
}

export async function readLearnerData(): Promise<LearnerData> {
  return (await loadData()).data;
}

/** Replaces everything with a backup's contents (already validated by parseBackup), in one write. */
export async function restore(data: LearnerData): Promise<void> {
  await changeData(['studyList', 'cards', 'log', 'history'], () => ({ ...data }), { what: { action: 'restore' } });
}
