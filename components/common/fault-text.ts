/**
 * Storage faults in the UI's language: lib/learning/store.ts names what failed (a kind, the change that was
 * not made, the browser's words) and the pages say it here, with what the learner can do about it.
 */
import { i18n } from '../../lib/i18n';
import { StorageFault, type ChangeName, type FaultKind } from '../../lib/storage/faults';

/** What did not happen ("三区一极 was not added to your study list"). */
function changeText(what: ChangeName): string {
  switch (what.action) {
    case 'save-term':
      return i18n.t('fault.what.saveTerm', { term: what.term });
    case 'remove-term':
      return i18n.t('fault.what.removeTerm', { term: what.term });
    case 'note':
      return i18n.t('fault.what.note', { term: what.term });
    case 'answer':
      return i18n.t('fault.what.answer', { term: what.term });
    case 'undo-answer':
      return i18n.t('fault.what.undoAnswer', { term: what.term });
    case 'erase-history':
      return i18n.t('fault.what.eraseHistory');
    case 'restore':
      return i18n.t('fault.what.restore');
    case 'sightings':
      return i18n.t('fault.what.sightings');
    case 'settings':
      return i18n.t('fault.what.settings');
    case 'site-switch':
      return what.enabled
        ? i18n.t('fault.what.siteOn', { site: what.site })
        : i18n.t('fault.what.siteOff', { site: what.site });
    case 'discard-set-aside':
      return i18n.t('fault.what.discardSetAside');
    case 'change':
      return i18n.t('fault.what.change');
  }
}

/** Changes kept in storage.sync, whose room is not made by erasing the history (storage.local). */
const SYNCED: ReadonlySet<ChangeName['action']> = new Set(['settings', 'site-switch']);

/** A fault as the learner reads it: what did not happen, why, and what to do. */
export function faultText({
  kind,
  what,
  detail,
}: {
  kind: FaultKind;
  what: ChangeName | null;
  detail: string;
}): string {
  if (kind === 'unreadable' || what === null) return i18n.t('fault.unreadable', { error: detail });
  const change = changeText(what);
  switch (kind) {
    case 'full':
      return SYNCED.has(what.action)
        ? i18n.t('fault.syncFull', { what: change })
        : i18n.t('fault.full', { what: change });
    case 'busy':
      return i18n.t('fault.busy', { what: change });
    case 'failed':
      return i18n.t('fault.failed', { what: change, error: detail });
  }
}

/** Any error a change ended with: a storage fault worded, anything else (a bug) with its own message. */
export function errorText(error: unknown): string {
  if (error instanceof StorageFault) return faultText(error);
  return i18n.t('fault.unexpected', { error: error instanceof Error ? error.message : String(error) });
}
