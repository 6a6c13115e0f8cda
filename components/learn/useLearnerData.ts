/** The learner's data for the Learn page: loaded once, kept current when storage changes elsewhere. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Encounter, ReviewLogEntry, SavedTerm, StoredCard } from '../../lib/learning/model';
import { readLearningSettings, learningSettings, type LearningSettings } from '../../lib/learning/settings';
import { CARDS, HISTORY, REVIEW_LOG, STUDY_LIST, readList } from '../../lib/learning/store';

export interface LearnerState {
  studyList: SavedTerm[];
  cards: StoredCard[];
  log: ReviewLogEntry[];
  history: Encounter[];
  settings: LearningSettings;
  /** Entries set aside as corrupt while loading, to tell the user. */
  setAside: number;
}

export function useLearnerData(): { state: LearnerState | null; reload: () => Promise<void>; saveSettings: (s: LearningSettings) => Promise<void> } {
  const [state, setState] = useState<LearnerState | null>(null);
  const reload = useCallback(async () => {
    const [studyList, cards, log, history, settings] = await Promise.all([
      readList(STUDY_LIST),
      readList(CARDS),
      readList(REVIEW_LOG),
      readList(HISTORY),
      readLearningSettings(),
    ]);
    setState({
      studyList: studyList.values,
      cards: cards.values,
      log: log.values,
      history: history.values,
      settings,
      setAside: studyList.setAside + cards.setAside + log.setAside + history.setAside,
    });
  }, []);
  useEffect(() => {
    void reload();
    // Another tab, the popover or the background changed something: show it.
    const onChanged = () => void reload();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload]);
  const saveSettings = useCallback(async (settings: LearningSettings) => {
    await learningSettings.setValue(settings);
  }, []);
  return { state, reload, saveSettings };
}
