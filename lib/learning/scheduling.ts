/**
 * Spaced repetition with FSRS (ts-fsrs): cards for each saved term and direction, stored as JSON-safe
 * records. The clock is always passed in, so tests (and time zones) cannot surprise us.
 */
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import { DIRECTIONS, type Direction, type ReviewLogEntry, type StoredCard } from './model';

const scheduler = fsrs({ enable_fuzz: false });

function newCard(term: string, direction: Direction, now: Date): StoredCard {
  return toStored(term, direction, createEmptyCard(now));
}

/** The cards a saved term needs (one per direction); existing ones are kept. */
export function cardsFor(term: string, existing: readonly StoredCard[], now: Date): StoredCard[] {
  return DIRECTIONS.filter((d) => !existing.some((c) => c.term === term && c.direction === d)).map((d) =>
    newCard(term, d, now),
  );
}

/** Rates a card: 1 again, 2 hard, 3 good, 4 easy. */
export function rate(card: StoredCard, rating: 1 | 2 | 3 | 4, now: Date): { card: StoredCard; log: ReviewLogEntry } {
  const next = scheduler.next(fromStored(card), now, rating as Grade);
  return {
    card: toStored(card.term, card.direction, next.card),
    log: { term: card.term, direction: card.direction, rating, at: now.toISOString() },
  };
}

/** Cards due at `now`, the most overdue first. */
export function dueCards(cards: readonly StoredCard[], now: Date): StoredCard[] {
  return cards.filter((c) => Date.parse(c.due) <= now.getTime()).sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
}

/** Consecutive days, ending today (or yesterday, if today has no review yet), with at least one review. */
export function streakDays(log: readonly ReviewLogEntry[], now: Date): number {
  const days = new Set(log.map((entry) => localDay(new Date(entry.at))));
  let day = new Date(now);
  if (!days.has(localDay(day))) day = addDays(day, -1);
  let streak = 0;
  while (days.has(localDay(day))) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}

/** Reviews per day for the last `span` days (oldest first), for the progress chart. */
export function reviewsPerDay(log: readonly ReviewLogEntry[], now: Date, span = 14): { day: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const entry of log)
    counts.set(localDay(new Date(entry.at)), (counts.get(localDay(new Date(entry.at))) ?? 0) + 1);
  return Array.from({ length: span }, (_, i) => {
    const day = localDay(addDays(now, i - span + 1));
    return { day, count: counts.get(day) ?? 0 };
  });
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function addDays(date: Date, days: number): Date {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
}

function toStored(term: string, direction: Direction, card: Card): StoredCard {
  return {
    term,
    direction,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

function fromStored(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: new Date(card.last_review) } : {}),
  };
}
