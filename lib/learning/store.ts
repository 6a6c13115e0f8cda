/**
 * The learner's data in storage.local, each list a versioned WXT storage item. Reading never throws on bad
 * data: entries that do not have the expected shape are set aside under `local:recovered` (with the key and
 * time, so nothing is lost) and counted, and the rest is used.
 */
import { storage } from 'wxt/utils/storage';
import {
  isEncounter,
  isReviewLogEntry,
  isSavedTerm,
  isStoredCard,
  type Encounter,
  type ReviewLogEntry,
  type SavedTerm,
  type StoredCard,
} from './model';

/** Kept at most, oldest dropped first: history is a convenience, not an archive. */
export const HISTORY_CAP = 2000;
/** A term's sightings kept at most, so one much-visited page cannot crowd out the rest. */
export const HISTORY_PER_TERM = 20;
export const LOG_CAP = 20_000;

export interface ListSpec<T> {
  key: `local:${string}`;
  isValid: (value: unknown) => value is T;
}

export const STUDY_LIST: ListSpec<SavedTerm> = { key: 'local:studyList', isValid: isSavedTerm };
export const CARDS: ListSpec<StoredCard> = { key: 'local:reviewCards', isValid: isStoredCard };
export const REVIEW_LOG: ListSpec<ReviewLogEntry> = { key: 'local:reviewLog', isValid: isReviewLogEntry };
export const HISTORY: ListSpec<Encounter> = { key: 'local:history', isValid: isEncounter };

/** Version 1 of every list. A later version adds a migration here, and a fixture to tests/unit/fixtures/storage. */
const items = new Map(
  [STUDY_LIST, CARDS, REVIEW_LOG, HISTORY].map((spec) => [spec.key, storage.defineItem<unknown[]>(spec.key, { fallback: [], version: 1 })]),
);

export interface SetAside {
  key: string;
  at: string;
  value: unknown;
}
const recovered = storage.defineItem<SetAside[]>('local:recovered', { fallback: [] });

/** The valid entries of a list; anything else is set aside and counted in `setAside`. */
export async function readList<T>(spec: ListSpec<T>): Promise<{ values: T[]; setAside: number }> {
  let stored: unknown;
  try {
    stored = await items.get(spec.key)!.getValue();
  } catch (error) {
    // A failed migration (e.g. a value from a newer version of the extension): keep it, start afresh.
    stored = await storage.getItem(spec.key);
    await setAside(spec.key, [stored]);
    await storage.setItem(spec.key, []);
    return { values: [], setAside: 1 };
  }
  const list = Array.isArray(stored) ? stored : [stored];
  const bad = Array.isArray(stored) ? list.filter((v) => !spec.isValid(v)) : stored == null ? [] : [stored];
  const values = list.filter((v): v is T => spec.isValid(v));
  if (bad.length > 0) {
    await setAside(spec.key, bad);
    await items.get(spec.key)!.setValue(values);
  }
  return { values, setAside: bad.length };
}

export async function writeList<T>(spec: ListSpec<T>, values: readonly T[]): Promise<void> {
  await items.get(spec.key)!.setValue([...values]);
}

/** Applies a change to a list: read (recovering), change, write. */
export async function updateList<T>(spec: ListSpec<T>, change: (values: T[]) => T[]): Promise<T[]> {
  const { values } = await readList(spec);
  const next = change(values);
  await writeList(spec, next);
  return next;
}

export async function setAsideEntries(): Promise<SetAside[]> {
  return recovered.getValue();
}

async function setAside(key: string, values: unknown[]): Promise<void> {
  const at = new Date().toISOString();
  await recovered.setValue([...(await recovered.getValue()), ...values.map((value) => ({ key, at, value }))]);
}

/** Adds sightings, keeping the newest within both caps. */
export function capHistory(history: readonly Encounter[]): Encounter[] {
  const newestFirst = [...history].sort((a, b) => b.at.localeCompare(a.at));
  const perTerm = new Map<string, number>();
  const kept = newestFirst.filter((e) => {
    const seen = perTerm.get(e.term) ?? 0;
    perTerm.set(e.term, seen + 1);
    return seen < HISTORY_PER_TERM;
  });
  return kept.slice(0, HISTORY_CAP).reverse();
}
