/**
 * Spaced repetition with FSRS (ts-fsrs): cards for each saved term and direction, stored as JSON-safe
 * records. The clock is always passed in, so tests (and time zones) cannot surprise us.
 */
import { State, createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
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

export interface ReviewQueue {
  /** The cards to review now, the most overdue first. */
  due: StoredCard[];
  /** Cards due now that wait until tomorrow: another card of their term was reviewed today. */
  buried: StoredCard[];
  /** When the next card comes once `due` is done; null when there is no card at all. */
  next: Date | null;
}

/**
 * What there is to review at `now`. With `burySiblings` (as Anki buries siblings), a term's new and review
 * cards wait until the next day once another card of the term has been reviewed today: the three cards of a term
 * answer each other, and asked in a row they test nothing. Cards in learning steps are not buried: they are
 * minutes apart by design. Burying is read from today's log, so undoing an answer lifts it.
 */
export function reviewQueue(
  cards: readonly StoredCard[],
  log: readonly ReviewLogEntry[],
  now: Date,
  { burySiblings }: { burySiblings: boolean },
): ReviewQueue {
  const today = localDay(now);
  const reviewedToday = new Map<string, Set<Direction>>();
  for (const entry of log) {
    if (localDay(new Date(entry.at)) !== today) continue;
    const directions = reviewedToday.get(entry.term) ?? new Set<Direction>();
    reviewedToday.set(entry.term, directions.add(entry.direction));
  }
  const isBuried = (card: StoredCard) =>
    burySiblings &&
    (card.state === State.New || card.state === State.Review) &&
    [...(reviewedToday.get(card.term) ?? [])].some((direction) => direction !== card.direction);

  const due: StoredCard[] = [];
  const buried: StoredCard[] = [];
  let next = Infinity;
  for (const card of cards) {
    const at = Date.parse(card.due);
    if (at > now.getTime()) next = Math.min(next, at);
    else if (isBuried(card)) buried.push(card);
    else due.push(card);
  }
  if (buried.length > 0) next = Math.min(next, startOfDay(addDays(now, 1)).getTime());
  due.sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
  return { due, buried, next: Number.isFinite(next) ? new Date(next) : null };
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

function startOfDay(date: Date): Date {
  const start = new Date(date);
  start.setHours(0, 0, 0, 0);
  return start;
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
