/** The learner's data for the Learn page: loaded once, kept current when storage changes elsewhere. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Encounter, ReviewLogEntry, SavedTerm, StoredCard } from '../../lib/learning/model';
import { learningSettings, type LearningSettings } from '../../lib/settings';
import { listsStoredUnder, loadLists, type ListName, type SetAside } from '../../lib/learning/store';
import { lastFault, type NotedFault } from '../../lib/storage/faults';
import { errorText } from '../common/fault-text';

export interface LearnerState {
  studyList: SavedTerm[];
  cards: StoredCard[];
  log: ReviewLogEntry[];
  history: Encounter[];
  settings: LearningSettings;
  /** What could not be read and was set aside (kept under `recovered`), to tell the learner and offer it. */
  recovered: SetAside[];
  /** The last change that could not be stored this session, in any part of the extension. */
  fault: NotedFault | null;
}

const ALL_LISTS: ListName[] = ['studyList', 'cards', 'log', 'history'];

export function useLearnerData(): {
  state: LearnerState | null;
  /** Why the data could not be loaded at all, in words. */
  loadError: string | null;
  saveSettings: (change: Partial<LearningSettings>) => Promise<LearningSettings>;
} {
  const [state, setState] = useState<LearnerState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Reads one after another, each applied in turn: a burst of changes cannot leave an older read on show.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const reload = useCallback((lists: readonly ListName[]) => {
    queue.current = queue.current.then(async () => {
      try {
        const [loaded, settings, fault] = await Promise.all([loadLists(lists), learningSettings.read(), lastFault()]);
        setState((shown) => ({ ...(shown ?? EMPTY), ...loaded.data, settings, recovered: loaded.recovered, fault }));
        setLoadError(null);
      } catch (error) {
        setLoadError(errorText(error));
      }
    });
  }, []);
  useEffect(() => {
    reload(ALL_LISTS);
    // Another tab, the popover or the background changed something: read again what it touched (the history
    // alone can be megabytes), and the settings, the set-aside data and the last fault, which are small.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      const keys = Object.keys(changes);
      if (area === 'local' && keys.includes('dataVersion')) return reload(ALL_LISTS);
      reload(area === 'local' ? listsStoredUnder(keys) : []);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload]);
  return { state, loadError, saveSettings: (change: Partial<LearningSettings>) => learningSettings.update(change) };
}

const EMPTY: Omit<LearnerState, 'settings' | 'recovered' | 'fault'> = {
  studyList: [],
  cards: [],
  log: [],
  history: [],
};
