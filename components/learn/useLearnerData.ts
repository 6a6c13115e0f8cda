/** The learner's data for the Learn page: loaded once, kept current when storage changes elsewhere. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Encounter, ReviewLogEntry, SavedTerm, StoredCard } from '../../lib/learning/model';
import { readLearningSettings, saveLearningSettings, type LearningSettings } from '../../lib/learning/settings';
import { lastFault, loadData, type NotedFault, type SetAside } from '../../lib/learning/store';

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

export function useLearnerData(): {
  state: LearnerState | null;
  /** Why the data could not be loaded at all. */
  loadError: string | null;
  reload: () => Promise<void>;
  saveSettings: (s: LearningSettings) => Promise<void>;
} {
  const [state, setState] = useState<LearnerState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    // Changes come in bursts, and reads may finish out of order: only the latest read is shown.
    const mine = ++latest.current;
    try {
      const [loaded, settings, fault] = await Promise.all([loadData(), readLearningSettings(), lastFault()]);
      if (mine !== latest.current) return;
      setState({ ...loaded.data, settings, recovered: loaded.recovered, fault });
      setLoadError(null);
    } catch (error) {
      if (mine === latest.current) setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, []);
  useEffect(() => {
    void reload(); // reload reports its own failure
    // Another tab, the popover or the background changed something: show it.
    const onChanged = () => void reload();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload]);
  return { state, loadError, reload, saveSettings: saveLearningSettings };
}
