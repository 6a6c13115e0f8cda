/**
 * Storage faults, for every part that stores something (the learner's data, the settings, the site list): what
 * failed, named without words (lib stays language-neutral: the pages word it, components/common/fault-text.ts),
 * and the notice of the last failed write that every page shows until it is dismissed or the change succeeds.
 */
import { browser } from 'wxt/browser';

/**
 * A change that a failed write did not make, named without words (lib stays language-neutral): the pages
 * word it in the UI's language (components/common/fault-text.ts). Equal names mean the same change: making it after
 * all clears its notice.
 */
export type ChangeName =
  | { action: 'save-term'; term: string }
  | { action: 'remove-term'; term: string }
  | { action: 'note'; term: string }
  | { action: 'answer'; term: string }
  | { action: 'undo-answer'; term: string }
  | { action: 'erase-history' }
  | { action: 'restore' }
  | { action: 'sightings' }
  | { action: 'settings' }
  | { action: 'site-switch'; site: string; enabled: boolean }
  | { action: 'discard-set-aside' }
  | { action: 'change' };

export type FaultKind = 'full' | 'busy' | 'unreadable' | 'failed';

/**
 * Why a read or write of the learner's data or settings failed: the kind, the change that was not made (none
 * for a failed read), and the browser's own words. The message is for developers; pages word the fault.
 */
export class StorageFault extends Error {
  constructor(
    readonly kind: FaultKind,
    readonly what: ChangeName | null,
    readonly detail: string,
    options?: { cause: unknown },
  ) {
    super(`storage ${kind}${what ? ` (${JSON.stringify(what)} not made)` : ''}: ${detail}`, options);
    this.name = 'StorageFault';
  }
}

export const errorDetail = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Classifies a failed write; `what` names the change that did not happen. */
export function writeFault(error: unknown, what: ChangeName = { action: 'change' }): StorageFault {
  if (error instanceof StorageFault) return error;
  const text = errorDetail(error);
  const kind = /MAX_WRITE_OPERATIONS/i.test(text) ? 'busy' : /quota/i.test(text) ? 'full' : 'failed';
  return new StorageFault(kind, what, text, { cause: error });
}

// ---- The last failed write, for the pages to show (storage.session: its own quota, gone with the session).
// It stays until the learner dismisses it or the same change succeeds: another, smaller write fitting into a
// full storage does not mean that the failed one was made.

const FAULT_KEY = 'storageFault';

export interface NotedFault {
  kind: FaultKind;
  what: ChangeName;
  /** The browser's words. */
  detail: string;
  at: string;
}

/** Tells every page about a failed write (the popup and the Learn page show it). */
export async function noteFault(fault: StorageFault): Promise<void> {
  const noted: NotedFault = {
    kind: fault.kind,
    what: fault.what ?? { action: 'change' },
    detail: fault.detail,
    at: new Date().toISOString(),
  };
  await browser.storage.session?.set({ [FAULT_KEY]: noted }).catch(() => undefined);
}

/** The change was made after all: its notice, if it is the one shown, goes. */
export async function clearFault(what: ChangeName): Promise<void> {
  const noted = await lastFault();
  if (noted && JSON.stringify(noted.what) === JSON.stringify(what)) await dismissFault();
}

export async function dismissFault(): Promise<void> {
  await browser.storage.session?.remove(FAULT_KEY).catch(() => undefined);
}

const FAULT_KINDS: readonly string[] = ['full', 'busy', 'unreadable', 'failed'] satisfies FaultKind[];

/** The last write that failed in any part of the extension this session, until one succeeds. */
export async function lastFault(): Promise<NotedFault | null> {
  const stored = await browser.storage.session?.get(FAULT_KEY).catch(() => null);
  const fault = stored?.[FAULT_KEY] as Partial<NotedFault> | undefined;
  const valid =
    typeof fault === 'object' &&
    fault !== null &&
    FAULT_KINDS.includes(fault.kind as string) &&
    typeof fault.what === 'object' &&
    fault.what !== null &&
    typeof fault.what.action === 'string' &&
    typeof fault.detail === 'string';
  return valid ? (fault as NotedFault) : null;
}
