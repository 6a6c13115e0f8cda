/**
 * What a learner does, as changes of the stored data shared by the Learn page, the popup and the background.
 * Each is one atomic, serialised change (store.ts); a failure throws a StorageFault that says what was not saved.
 */
import type { LearnerData } from './backup';
import type { StoredCard } from './model';
import { cardsFor, rate } from './scheduling';
import { LOG_CAP, changeData, loadData } from './store';

/** Saves a term (and gives it its review cards). Saving a saved term changes nothing. */
export async function saveTerm(term: string, now: Date): Promise<void> {
  await changeData(
    ({ studyList, cards }) =>
      studyList.some((s) => s.term === term)
        ? {}
        : { studyList: [...studyList, { term, savedAt: now.toISOString(), note: '' }], cards: [...cards, ...cardsFor(term, cards, now)] },
    now,
    `${term} was not added to your study list`,
  );
}

/** Removes a term and its cards; its review log stays, for the streak and the chart. */
export async function removeTerm(term: string): Promise<void> {
  await changeData(
    ({ studyList, cards }) => ({ studyList: studyList.filter((s) => s.term !== term), cards: cards.filter((c) => c.term !== term) }),
    undefined,
    `${term} was not removed from your study list`,
  );
}

export async function setNote(term: string, note: string): Promise<void> {
  await changeData(({ studyList }) => ({ studyList: studyList.map((s) => (s.term === term ? { ...s, note } : s)) }), undefined, `Your note for ${term} was not saved`);
}

export async function isSaved(term: string): Promise<boolean> {
  return (await loadData()).data.studyList.some((s) => s.term === term);
}

export async function recordReview(card: StoredCard, rating: 1 | 2 | 3 | 4, now: Date): Promise<StoredCard> {
  const result = rate(card, rating, now);
  await changeData(
    ({ cards, log }) => ({
      cards: cards.map((c) => (c.term === card.term && c.direction === card.direction ? result.card : c)),
      log: [...log, result.log].slice(-LOG_CAP),
    }),
    now,
    `Your answer for ${card.term} was not saved`,
  );
  return result.card;
}

export async function eraseHistory(): Promise<void> {
  await changeData(() => ({ history: [] }), undefined, 'The history was not erased');
}

export async function readLearnerData(): Promise<LearnerData> {
  return (await loadData()).data;
}

/** Replaces everything with a backup's contents (already validated by parseBackup), in one write. */
export async function restore(data: LearnerData): Promise<void> {
  await changeData(() => ({ ...data }), undefined, 'The backup was not restored; nothing was changed');
}
