/**
 * Backup: everything the learner has (study list, review cards and log, history) as one JSON file, and its
 * restore. A file that is not a backup of ours, or that holds anything malformed, is refused with a message
 * and changes nothing.
 */
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

const BACKUP_FORMAT = 'jiaozuo-policy-lens-backup';
/** Raise with a change of shape, and teach `parseBackup` to read the older version. */
const BACKUP_VERSION = 1;

export interface LearnerData {
  studyList: SavedTerm[];
  cards: StoredCard[];
  log: ReviewLogEntry[];
  history: Encounter[];
}

interface Backup extends LearnerData {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
}

export function makeBackup(data: LearnerData, now: Date): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), ...data };
  return JSON.stringify(backup, null, 2) + '\n';
}

/** Why a file was refused; the Learn page words it in the UI's language. */
export type BackupProblem =
  | { kind: 'not-json' }
  | { kind: 'not-backup' }
  | { kind: 'no-version' }
  | { kind: 'newer'; version: number }
  | { kind: 'not-a-list'; list: keyof LearnerData }
  | { kind: 'malformed-item'; list: keyof LearnerData; item: number };

export function parseBackup(text: string): { data: LearnerData } | { problem: BackupProblem } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: { kind: 'not-json' } };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as Backup).format !== BACKUP_FORMAT) {
    return { problem: { kind: 'not-backup' } };
  }
  const backup = parsed as Record<string, unknown>;
  if (typeof backup.version !== 'number' || backup.version < 1) return { problem: { kind: 'no-version' } };
  if (backup.version > BACKUP_VERSION) return { problem: { kind: 'newer', version: backup.version } };
  const lists = [
    ['studyList', isSavedTerm],
    ['cards', isStoredCard],
    ['log', isReviewLogEntry],
    ['history', isEncounter],
  ] as const;
  for (const [name, isValid] of lists) {
    const list = backup[name] ?? [];
    if (!Array.isArray(list)) return { problem: { kind: 'not-a-list', list: name } };
    const bad = list.findIndex((item) => !isValid(item));
    if (bad >= 0) return { problem: { kind: 'malformed-item', list: name, item: bad + 1 } };
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
