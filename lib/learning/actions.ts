/**
 * What a learner does, as changes of the stored data shared by the Learn page, the popup and the background.
 * Each is one atomic, serialised change (store.ts); a failure throws a StorageFault that says what was not saved.
 */
import type { LearnerData } from './backup';
import type { StoredCard } from './model';
import { cardsFor, rate } from './scheduling';
import { LOG_CAP, changeData, loadData, savedTerms } from './store';

/** Saves a term (and gives it its review cards). Saving a saved term changes nothing. */
export async function saveTerm(term: string, now: Date): Promise<void> {
  await changeData(
    ['studyList', 'cards'],
    ({ studyList, cards }) =>
      studyList.some((s) => s.term === term)
        ? {}
        : { studyList: [...studyList, { term, savedAt: now.toISOString(), note: '' }], cards: [...cards, ...cardsFor(term, cards, now)] },
    { now, what: `${term} was not added to your study list` },
  );
}

/** Removes a term and its cards; its review log stays, for the streak and the chart. */
export async function removeTerm(term: string): Promise<void> {
  await changeData(
    ['studyList', 'cards'],
    ({ studyList, cards }) => ({ studyList: studyList.filter((s) => s.term !== term), cards: cards.filter((c) => c.term !== term) }),
    { what: `${term} was not removed from your study list` },
  );
}

export async function setNote(term: string, note: string): Promise<void> {
  await changeData(['studyList'], ({ studyList }) => ({ studyList: studyList.map((s) => (s.term === term ? { ...s, note } : s)) }), {
    what: `Your note for ${term} was not saved`,
  });
}

/** Asked on every hover of a term: reads the study list alone. */
export async function isSaved(term: string): Promise<boolean> {
  return (await savedTerms()).has(term);
}

export async function recordReview(card: StoredCard, rating: 1 | 2 | 3 | 4, now: Date): Promise<StoredCard> {
  const result = rate(card, rating, now);
  await changeData(
    ['cards', 'log'],
    ({ cards, log }) => ({
      cards: cards.map((c) => (c.term === card.term && c.direction === card.direction ? result.card : c)),
      log: [...log, result.log].slice(-LOG_CAP),
    }),
    { now, what: `Your answer for ${card.term} was not saved` },
  );
  return result.card;
}

export async function eraseHistory(): Promise<void> {
  await changeData(['history'], () => ({ history: [] }), { what: 'The history was not erased' });
}

export async function readLearnerData(): Promise<LearnerData> {
  return (await loadData()).data;
}

/** Replaces everything with a backup's contents (already validated by parseBackup), in one write. */
export async function restore(data: LearnerData): Promise<void> {
  await changeData(['studyList', 'cards', 'log', 'history'], () => ({ ...data }), { what: 'The backup was not restored; nothing was changed' });
}
