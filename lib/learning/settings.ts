/** The learner's choices, synced across their browsers (small: well within storage.sync's quotas). */
import { storage } from 'wxt/utils/storage';
import { writeFault } from './store';

export interface LearningSettings {
  /** Keep where saved terms were met on the web. */
  historyEnabled: boolean;
  /** …and where any glossary term was met, not only saved ones. */
  historyAllTerms: boolean;
  /** Speak the term when a review card is revealed. */
  speakOnReveal: boolean;
  /** Send new study-list terms to a running Anki through AnkiConnect. */
  ankiConnect: boolean;
}

export const DEFAULT_LEARNING_SETTINGS: LearningSettings = {
  historyEnabled: true,
  historyAllTerms: false,
  speakOnReveal: false,
  ankiConnect: false,
};

export const learningSettings = storage.defineItem<LearningSettings>('sync:learningSettings', {
  fallback: DEFAULT_LEARNING_SETTINGS,
  version: 1,
});

/** The settings with defaults for anything missing or of the wrong type (a hand-edited or older value). */
export async function readLearningSettings(): Promise<LearningSettings> {
  const stored = (await learningSettings.getValue().catch(() => null)) as Partial<LearningSettings> | null;
  const merged = { ...DEFAULT_LEARNING_SETTINGS };
  for (const key of Object.keys(merged) as (keyof LearningSettings)[]) {
    if (typeof stored?.[key] === 'boolean') merged[key] = stored[key];
  }
  return merged;
}

/**
 * Saves the settings over what is stored, so that fields this version does not know (written by a newer one)
 * survive. A refused write (storage.sync's quotas: 8 KB an item, ~100 KB in all, 120 writes a minute) throws a
 * StorageFault that names it.
 */
export async function saveLearningSettings(settings: LearningSettings): Promise<void> {
  try {
    const stored: unknown = await learningSettings.getValue();
    const kept = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
    await learningSettings.setValue({ ...kept, ...settings });
  } catch (error) {
    throw writeFault(error, { action: 'settings' });
  }
}
