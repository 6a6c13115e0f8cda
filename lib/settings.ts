/**
 * How the lens looks and behaves on pages: the reader's choices on the options page, synced across their
 * browsers (storage.sync, one small item). The content script imports this module, so it holds only the
 * settings, their defaults and their validation: no UI.
 */
import { lazyItem } from './storage-item';

export type HighlightStyle = 'underline' | 'background' | 'none';
type PinyinStyle = 'marks' | 'numbers';
/** What opens the popover: pointing at a term, pointing while holding Shift, or clicking it. */
type PopoverTrigger = 'hover' | 'shift-hover' | 'click';

export interface LensSettings {
  /** How terms are marked on pages; 'none' marks nothing, yet pointing at a term still explains it. */
  highlightStyle: HighlightStyle;
  /** Pinyin in the popover coloured by tone. */
  toneColours: boolean;
  pinyinStyle: PinyinStyle;
  popoverTrigger: PopoverTrigger;
  /** The English translation under the source sentence in the popover. */
  showTranslation: boolean;
}

export const DEFAULT_LENS_SETTINGS: Readonly<LensSettings> = Object.freeze({
  highlightStyle: 'underline',
  toneColours: false,
  pinyinStyle: 'marks',
  popoverTrigger: 'hover',
  showTranslation: true,
});

const CHOICES: { [K in keyof LensSettings]: readonly LensSettings[K][] } = {
  highlightStyle: ['underline', 'background', 'none'],
  toneColours: [true, false],
  pinyinStyle: ['marks', 'numbers'],
  popoverTrigger: ['hover', 'shift-hover', 'click'],
  showTranslation: [true, false],
};

/**
 * Raw storage, read through parseLensSettings. No WXT fallback: a stored value that is not an object is
 * as good as none, and the parser says what it holds.
 */
const lensSettingsItem = lazyItem('sync:lensSettings');

/**
 * The settings from whatever is stored: each field that is missing, misspelt or of the wrong type (a
 * hand-edited value, a setting from a newer version) falls back to its default on its own; the others stay.
 */
export function parseLensSettings(stored: unknown): LensSettings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_LENS_SETTINGS } as Record<keyof LensSettings, unknown>;
  for (const key of Object.keys(CHOICES) as (keyof LensSettings)[]) {
    if ((CHOICES[key] as readonly unknown[]).includes(record[key])) settings[key] = record[key];
  }
  return settings as LensSettings;
}

export async function readLensSettings(): Promise<LensSettings> {
  return parseLensSettings(
    await lensSettingsItem()
      .getValue()
      .catch(() => null),
  );
}

export function watchLensSettings(onChange: (settings: LensSettings) => void): () => void {
  return lensSettingsItem().watch((stored) => onChange(parseLensSettings(stored)));
}

/** Changes some settings, keeping the others as stored (after validation). */
export async function updateLensSettings(change: Partial<LensSettings>): Promise<LensSettings> {
  const next = parseLensSettings({ ...(await readLensSettings()), ...change });
  await lensSettingsItem().setValue(next);
  return next;
}

export async function resetLensSettings(): Promise<void> {
  await lensSettingsItem().removeValue();
}
