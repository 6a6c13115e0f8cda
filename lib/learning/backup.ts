/**
 * Backup: everything the learner has (study list, review cards and log, history) as one JSON file, and its
 * restore. A file that is not a backup of ours, or that holds anything malformed, is refused with a message
 * and changes nothing.
 */
import { isEncounter, isReviewLogEntry, isSavedTerm, isStoredCard, type Encounter, type ReviewLogEntry, type SavedTerm, type StoredCard } from './model';

export const BACKUP_FORMAT = 'jiaozuo-policy-lens-backup';
/** Raise with a change of shape, and teach `parseBackup` to read the older version. */
export const BACKUP_VERSION = 1;

export interface LearnerData {
  studyList: SavedTerm[];
  cards: StoredCard[];
  log: ReviewLogEntry[];
  history: Encounter[];
}

export interface Backup extends LearnerData {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
}

export function makeBackup(data: LearnerData, now: Date): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), ...data };
  return JSON.stringify(backup, null, 2) + '\n';
}

export function parseBackup(text: string): { data: LearnerData } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: 'This file is not JSON: it is not a Policy Lens backup.' };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as Backup).format !== BACKUP_FORMAT) {
    return { error: 'This file is not a Policy Lens backup.' };
  }
  const backup = parsed as Record<string, unknown>;
  if (typeof backup.version !== 'number' || backup.version < 1) return { error: 'This backup has no version number.' };
  if (backup.version > BACKUP_VERSION) {
    return { error: `This backup comes from a newer version of Policy Lens (format ${backup.version}); update the extension first.` };
  }
  const lists = [
    ['studyList', isSavedTerm],
    ['cards', isStoredCard],
    ['log', isReviewLogEntry],
    ['history', isEncounter],
  ] as const;
  for (const [name, isValid] of lists) {
    const list = backup[name] ?? [];
    if (!Array.isArray(list)) return { error: `The backup's ${name} is not a list.` };
    const bad = list.findIndex((item) => !isValid(item));
    if (bad >= 0) return { error: `The backup's ${name} has a malformed item (number ${bad + 1}); nothing was imported.` };
  }
  return {
    data: {
      studyList: (backup.studyList ?? []) as SavedTerm[],
      cards: (backup.cards ?? []) as StoredCard[],
      log: (backup.log ?? []) as ReviewLogEntry[],
      history: (backup.history ?? []) as Encounter[],
    },
  };
}
