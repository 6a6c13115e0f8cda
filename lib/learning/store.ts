/**
 * The learner's data in storage.local: four lists (study list, review cards, review log, history) and the
 * number of their format. Three rules keep it safe:
 *
 * - Nothing is lost to bad data. Reading never throws on it: items without the expected shape, a list that is
 *   not a list, or lists written by a newer version of the extension are set aside under `recovered` (with the
 *   key, the time and the reason) and the rest is used. The Learn page says so and offers the copy for download.
 * - A change is one `storage.local.set` of every key it touches: the browser applies it whole or not at all.
 *   Should a browser ever apply part of one, reading completes the interrupted change (see `reconcile`).
 * - Changes are serialised across every page and the background (Web Locks): two tabs saving at once cannot
 *   overwrite each other's read-modify-write.
 *
 * A failed read or write throws a StorageFault (lib/storage/faults.ts), which names what failed for the pages to word.
 */
import { browser } from 'wxt/browser';
import { StorageFault, clearFault, errorDetail, noteFault, writeFault, type ChangeName } from '../storage/faults';
import type { LearnerData } from './backup';
import {
  DIRECTIONS,
  isEncounter,
  isReviewLogEntry,
  isSavedTerm,
  isStoredCard,
  type Encounter,
  type ReviewLogEntry,
  type SavedTerm,
  type StoredCard,
} from './model';
import { cardsFor } from './scheduling';

export const LOG_CAP = 20_000;

/**
 * The format of the stored lists. Version 1 (0.1.0) wrote no number; this code writes it with every change.
 * A change of format raises it, adds the step to MIGRATIONS and a fixture to tests/unit/fixtures/storage.
 * Version 2: the study list may hold words of the general dictionary (SavedTerm.word).
 */
export const DATA_VERSION = 2;

export type ListName = keyof LearnerData;
/** Each list's storage.local key and what a valid item is. */
const LISTS: Record<ListName, { key: string; isValid: (value: unknown) => boolean }> = {
  studyList: { key: 'studyList', isValid: isSavedTerm },
  cards: { key: 'reviewCards', isValid: isStoredCard },
  log: { key: 'reviewLog', isValid: isReviewLogEntry },
  history: { key: 'history', isValid: isEncounter },
};
const LIST_NAMES = Object.keys(LISTS) as ListName[];
const VERSION_KEY = 'dataVersion';
const RECOVERED_KEY = 'recovered';
/** The reason given to data from a newer version (kept in the set-aside copy, for whoever reads it). */
const NEWER_VERSION_REASON = 'written by a newer version of Policy Lens';

/** Every storage.local key of the learner's data. */
const DATA_KEYS = [...LIST_NAMES.map((name) => LISTS[name].key), VERSION_KEY, RECOVERED_KEY];

type Stored = Record<string, unknown>;

/** Upgrades the stored values of format N-1 to format N (key N). */
const MIGRATIONS: Record<number, (stored: Stored) => Stored> = {
  // Format 1 holds glossary terms only, which format 2 stores the same way. The number changed for the versions
  // that know no dictionary words: they keep a copy of format 2's lists whole and tell the learner that a newer
  // version wrote them, rather than quietly showing the words as glossary terms that are gone.
  2: (stored) => stored,
};

/** Something set aside because it could not be read: kept, with where it came from and why. */
export interface SetAside {
  key: string;
  at: string;
  value: unknown;
  reason?: string;
}

export interface LoadedData {
  data: LearnerData;
  /** Everything set aside so far, this read included. */
  recovered: SetAside[];
  /** Items set aside by this read. */
  setAsideNow: number;
  /** The format number of data written by a newer version of the extension, when this read found some. */
  newerVersion?: number;
}

/** Reads every list of the learner's data, sets aside what cannot be used, and completes interrupted changes. */
export async function loadData(now = new Date()): Promise<LoadedData> {
  return (await loadLists(LIST_NAMES, now)) as LoadedData;
}

/** loadData for some lists only (with what was set aside), e.g. those a change just touched. */
export async function loadLists(
  lists: readonly ListName[],
  now = new Date(),
): Promise<Omit<LoadedData, 'data'> & { data: Partial<LearnerData> }> {
  const names = withStudyList(lists);
  const loaded = interpret(await readStored(names), names, now);
  if (loaded.repair) {
    // Keep what was set aside, and the repaired lists, so that the next read does not set it aside again.
    // Done under the lock, on a fresh read; if storage refuses (full), the data is still shown as read.
    await changeData(names, () => ({}), { now }).catch((error: unknown) =>
      console.warn('Policy Lens: could not store the repaired data', error),
    );
  }
  return {
    data: loaded.data,
    recovered: loaded.recovered,
    setAsideNow: loaded.setAsideNow,
    newerVersion: loaded.newerVersion,
  };
}

/** The lists stored under some storage.local keys (those of a storage.onChanged event). */
export function listsStoredUnder(keys: readonly string[]): ListName[] {
  return LIST_NAMES.filter((name) => keys.includes(LISTS[name].key));
}

export interface ChangeOptions {
  now?: Date;
  /** The learner's change, noted for every page to tell if the write fails (none: a repair). */
  what?: ChangeName;
}

/**
 * Applies a change to some lists of the learner's data: under the lock, read them (recovering), change, and
 * write every key that changed in one `set`. Only the lists named are read (the history alone can be megabytes),
 * and only they may be changed. Returns them as written. A failed write changes nothing and throws a StorageFault.
 */
export function changeData<Name extends ListName>(
  lists: readonly Name[],
  change: (data: Pick<LearnerData, Name>) => Partial<Pick<LearnerData, Name>>,
  { now = new Date(), what }: ChangeOptions = {},
): Promise<Pick<LearnerData, Name>> {
  return withDataLock(async () => {
    const loaded = interpret(await readStored(lists), withStudyList(lists), now);
    const changes = change(loaded.data as Pick<LearnerData, Name>);
    const next = { ...loaded.data, ...changes } as Pick<LearnerData, Name>;
    if (Object.keys(changes).length === 0 && !loaded.repair) return next;
    // The format number goes with the first change (0.1.0 wrote none); after that, only the lists that changed.
    const items: Stored = { ...loaded.repair, ...(loaded.marked ? {} : { [VERSION_KEY]: DATA_VERSION }) };
    for (const name of Object.keys(changes) as Name[]) items[LISTS[name].key] = next[name];
    try {
      await browser.storage.local.set(items);
    } catch (error) {
      const fault = writeFault(error, what);
      if (what) await noteFault(fault); // a change the learner made (not a repair): every page says so
      throw fault;
    }
    if (what) await clearFault(what);
    return next;
  });
}

/** Forgets the set-aside copies (the learner downloaded them, or does not want them). */
export async function discardRecovered(): Promise<void> {
  await withDataLock(async () => {
    try {
      await browser.storage.local.remove(RECOVERED_KEY);
    } catch (error) {
      throw writeFault(error, { action: 'discard-set-aside' });
    }
  });
}

/** The saved terms alone: a cheap look, asked on every hover (no repair, no lock). */
export async function savedTerms(): Promise<Set<string>> {
  const { [LISTS.studyList.key]: list } = await get([LISTS.studyList.key]);
  return new Set(Array.isArray(list) ? list.filter(isSavedTerm).map((s) => s.term) : []);
}

/** Cards are reconciled with the study list (see `reconcile`), so they are never read without it. */
function withStudyList(lists: readonly ListName[]): readonly ListName[] {
  return lists.includes('cards') && !lists.includes('studyList') ? [...lists, 'studyList'] : lists;
}

/**
 * The stored values of some lists, with the format number and what was set aside. Data not in this version's
 * format is read whole: it is upgraded, or set aside, all at once.
 */
async function readStored(lists: readonly ListName[]): Promise<Stored> {
  const stored = await get([...withStudyList(lists).map((name) => LISTS[name].key), VERSION_KEY, RECOVERED_KEY]);
  const marker = stored[VERSION_KEY];
  return marker === undefined || marker === DATA_VERSION || lists.length === LIST_NAMES.length
    ? stored
    : get(DATA_KEYS);
}

async function get(keys: string[]): Promise<Stored> {
  try {
    return await browser.storage.local.get(keys);
  } catch (error) {
    throw new StorageFault('unreadable', null, errorDetail(error), { cause: error });
  }
}

/**
 * What the stored values of some lists mean, and what must be written back to keep what was set aside (null:
 * nothing). Data in another format than this version's is interpreted whole, whatever lists were asked for.
 */
function interpret(
  stored: Stored,
  asked: readonly ListName[],
  now: Date,
): Omit<LoadedData, 'data'> & { data: Partial<LearnerData>; repair: Stored | null; marked: boolean } {
  const at = now.toISOString();
  const recovered: SetAside[] = [];
  let setAsideNow = 0;
  const setAside = (key: string, value: unknown, reason: string) => {
    recovered.push({ key, at, value, reason });
    setAsideNow++;
  };
  const previous = stored[RECOVERED_KEY];
  if (Array.isArray(previous)) {
    for (const item of previous as unknown[]) {
      if (isSetAside(item)) recovered.push(item);
      else setAside(RECOVERED_KEY, item, 'not a valid item');
    }
  } else if (previous != null) {
    setAside(RECOVERED_KEY, previous, 'not a list');
  }

  let lists = stored;
  let newerVersion: number | undefined;
  const marker = stored[VERSION_KEY];
  const version =
    marker === undefined ? 1 : Number.isInteger(marker) && (marker as number) >= 1 ? (marker as number) : null;
  if (version === null) setAside(VERSION_KEY, marker, 'not a format number');
  const names = version !== DATA_VERSION ? LIST_NAMES : asked;
  if (version !== null && version > DATA_VERSION) {
    // A newer extension wrote this (the learner went back to an older one): keep all of it as it was, and read
    // what this version understands. Written back as this format, so that the newer one migrates it again.
    newerVersion = version;
    for (const name of LIST_NAMES) {
      const key = LISTS[name].key;
      if (stored[key] !== undefined) setAside(key, stored[key], `${NEWER_VERSION_REASON} (data format ${version})`);
    }
  } else if (version !== null && version < DATA_VERSION) {
    for (let step = version + 1; step <= DATA_VERSION; step++) {
      try {
        lists = MIGRATIONS[step]?.(lists) ?? lists;
      } catch (error) {
        // Keep the unmigrated lists whole, and read what still has the current shape.
        for (const name of LIST_NAMES)
          setAside(
            LISTS[name].key,
            stored[LISTS[name].key],
            `upgrade to data format ${step} failed: ${errorDetail(error)}`,
          );
        break;
      }
    }
  }

  const repaired = new Set<ListName>();
  /** A list's valid items; what is not one is set aside (unless the whole list already was). */
  const read = (name: ListName): unknown[] => {
    const { key, isValid } = LISTS[name];
    const stored = lists[key];
    const value = typeof stored === 'string' ? (parseJsonList(stored) ?? stored) : stored;
    if (value == null) return [];
    if (!Array.isArray(value)) {
      if (newerVersion === undefined) setAside(key, value, 'not a list');
      repaired.add(name);
      return [];
    }
    const bad = value.filter((item) => !isValid(item));
    if (newerVersion === undefined) bad.forEach((item) => setAside(key, item, 'not a valid item'));
    if (bad.length > 0 || value !== stored) repaired.add(name);
    return value.filter((item) => isValid(item));
  };
  const data: Partial<LearnerData> = {};
  if (names.includes('studyList')) data.studyList = read('studyList') as SavedTerm[];
  if (names.includes('cards')) data.cards = read('cards') as StoredCard[];
  if (names.includes('log')) data.log = read('log') as ReviewLogEntry[];
  if (names.includes('history')) data.history = read('history') as Encounter[];
  if (newerVersion !== undefined || version === null || lists !== stored) names.forEach((name) => repaired.add(name));
  if (data.studyList && data.cards) reconcile(data as LearnerData, now);

  const repair: Stored | null =
    setAsideNow > 0 || repaired.size > 0 ? { [RECOVERED_KEY]: recovered, [VERSION_KEY]: DATA_VERSION } : null;
  if (repair) for (const name of repaired) repair[LISTS[name].key] = data[name];
  if (version !== null && version !== DATA_VERSION && repair) {
    // Every list is rewritten in this format: those never stored stay absent rather than written empty.
    for (const name of LIST_NAMES) if (stored[LISTS[name].key] === undefined) delete repair[LISTS[name].key];
  }
  return { data, recovered, setAsideNow, newerVersion, repair, marked: marker === DATA_VERSION };
}

/** Whether a set-aside item is data from a newer version (kept whole), rather than a damaged one. */
export function isFromNewerVersion(item: SetAside): boolean {
  return item.reason?.startsWith(NEWER_VERSION_REASON) === true;
}

function isSetAside(value: unknown): value is SetAside {
  const item = value as Partial<SetAside> | null;
  return (
    typeof item === 'object' &&
    item !== null &&
    typeof item.key === 'string' &&
    typeof item.at === 'string' &&
    'value' in item
  );
}

/** A list stored as JSON text (by hand, or an older tool): its items, or null when it is not a JSON list. */
function parseJsonList(text: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the lists consistent: a saved term has its three cards (a save whose cards were not written gets them)
 * and a card belongs to a saved term (a removal whose cards were left is completed); one card per term and
 * direction, the most reviewed kept.
 */
function reconcile(data: LearnerData, now: Date): void {
  const saved = new Set(data.studyList.map((s) => s.term));
  const seenTerms = new Set<string>();
  data.studyList = data.studyList.filter((s) => !seenTerms.has(s.term) && seenTerms.add(s.term));
  const byCard = new Map<string, StoredCard>();
  for (const card of data.cards) {
    if (!saved.has(card.term)) continue;
    const id = `${card.term}\u0000${card.direction}`;
    const kept = byCard.get(id);
    if (!kept || card.reps > kept.reps) byCard.set(id, card);
  }
  const cards = [...byCard.values()];
  const complete = new Set([...saved].filter((term) => DIRECTIONS.every((d) => byCard.has(`${term}\u0000${d}`))));
  for (const term of saved) if (!complete.has(term)) cards.push(...cardsFor(term, cards, now));
  data.cards = cards;
}

// ---- Serialising changes.

const LOCK_NAME = 'jiaozuo-policy-lens:learner-data';
let localQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` alone: across the extension's pages and its background through the Web Locks API (one lock per
 * origin), or, where it is missing (Node, in the unit tests), within this context.
 */
function withDataLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return locks.request(LOCK_NAME, work) as Promise<T>;
  const run = localQueue.then(work, work);
  localQueue = run.catch(() => undefined);
  return run;
}
