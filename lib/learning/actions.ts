/** What a learner does, as storage operations shared by the Learn page, the popup and the background. */
import type { LearnerData } from './backup';
import type { Encounter, StoredCard } from './model';
import { cardsFor, rate } from './scheduling';
import { CARDS, HISTORY, LOG_CAP, REVIEW_LOG, STUDY_LIST, capHistory, readList, updateList, writeList } from './store';

/** Saves a term (and gives it its review cards). Saving a saved term changes nothing. */
export async function saveTerm(term: string, now: Date): Promise<void> {
  await updateList(STUDY_LIST, (list) => (list.some((s) => s.term === term) ? list : [...list, { term, savedAt: now.toISOString(), note: '' }]));
  await updateList(CARDS, (cards) => [...cards, ...cardsFor(term, cards, now)]);
}

/** Removes a term and its cards; its review log stays, for the streak and the chart. */
export async function removeTerm(term: string): Promise<void> {
  await updateList(STUDY_LIST, (list) => list.filter((s) => s.term !== term));
  await updateList(CARDS, (cards) => cards.filter((c) => c.term !== term));
}

export async function setNote(term: string, note: string): Promise<void> {
  await updateList(STUDY_LIST, (list) => list.map((s) => (s.term === term ? { ...s, note } : s)));
}

export async function isSaved(term: string): Promise<boolean> {
  return (await readList(STUDY_LIST)).values.some((s) => s.term === term);
}

export async function recordReview(card: StoredCard, rating: 1 | 2 | 3 | 4, now: Date): Promise<StoredCard> {
  const result = rate(card, rating, now);
  await updateList(CARDS, (cards) => cards.map((c) => (c.term === card.term && c.direction === card.direction ? result.card : c)));
  await updateList(REVIEW_LOG, (log) => [...log, result.log].slice(-LOG_CAP));
  return result.card;
}

export async function recordEncounters(encounters: readonly Encounter[]): Promise<void> {
  if (encounters.length === 0) return;
  await updateList(HISTORY, (history) => capHistory([...history, ...encounters]));
}

export async function eraseHistory(): Promise<void> {
  await writeList(HISTORY, []);
}

export async function readLearnerData(): Promise<LearnerData> {
  const [studyList, cards, log, history] = await Promise.all([readList(STUDY_LIST), readList(CARDS), readList(REVIEW_LOG), readList(HISTORY)]);
  return { studyList: studyList.values, cards: cards.values, log: log.values, history: history.values };
}

/** Replaces everything with a backup's contents (already validated by parseBackup). */
export async function restore(data: LearnerData): Promise<void> {
  await writeList(STUDY_LIST, data.studyList);
  await writeList(CARDS, data.cards);
  await writeList(REVIEW_LOG, data.log);
  await writeList(HISTORY, data.history);
}
