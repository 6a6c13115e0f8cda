/** The options page's view of the stored settings, kept current when they change elsewhere (another tab, another browser). */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readDisabledSites, type DisabledSites } from '../../lib/disabled-sites';
import { learningSettings, lensSettings, type LearningSettings, type LensSettings } from '../../lib/settings';

export interface StoredSettings {
  lens: LensSettings;
  learning: LearningSettings;
  sites: DisabledSites;
}

export function useStoredSettings(): StoredSettings | null {
  const [settings, setSettings] = useState<StoredSettings | null>(null);
  const reload = useCallback(async () => {
    const [lens, learning, sites] = await Promise.all([
      lensSettings.read(),
      learningSettings.read(),
      readDisabledSites(),
    ]);
    setSettings({ lens, learning, sites });
  }, []);
  useEffect(() => {
    void reload();
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'sync' || area === 'local') void reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload]);
  return settings;
}
