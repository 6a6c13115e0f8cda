/**
 * Runs the lens on an extension page (content scripts do not run there): the same code as on web pages
 * (lib/content/lens), with the reader's settings, following their changes. Returns the settings in force.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import matcherData from '../../glossary/generated/matcher.json';
import { startLens, type Lens } from '../../lib/content/lens';
import type { MatcherData } from '../../lib/glossary-types';
import { lensSettings, type LensSettings } from '../../lib/settings';

export function useLens(openGlossary: (term: string) => void): LensSettings | null {
  const [settings, setSettings] = useState<LensSettings | null>(null);
  useEffect(() => {
    let lens: Lens | null = null;
    let stopped = false;
    void lensSettings.read().then((stored) => {
      if (stopped) return;
      setSettings(stored);
      lens = startLens({
        doc: document,
        matcherData: matcherData as MatcherData,
        runtime: browser.runtime,
        settings: stored,
        openGlossary,
        loadPopoverView: () => import('../../lib/content/popover/popover-view').then((module) => module.PopoverView),
      });
    });
    const unwatch = lensSettings.watch((next) => {
      setSettings(next);
      lens?.configure(next);
    });
    return () => {
      stopped = true;
      unwatch();
      lens?.stop();
    };
  }, []);
  return settings;
}
