/**
 * Runs the lens only while the reader has not switched it off for this site (or paused it on this page with
 * the keyboard command), and follows their choices without a reload: off stops the lens (highlights, popover
 * and reports go with it), on starts a fresh one, and a changed setting (highlight style, popover trigger…)
 * is handed to the running lens. It also answers the popup's `lens-status` question, which is why it listens
 * even while the lens is off.
 */
import type { browser } from 'wxt/browser';
import { allDisabled, isSiteEnabled, readDisabledSites, watchDisabledSites } from '../disabled-sites';
import type { TabProtocol } from '../messages/protocol';
import { receiveMessages } from '../messages/receive';
import { lensSettings, type LensSettings } from '../settings';

interface SwitchableLens {
  stop(): void;
  configure?(settings: LensSettings): void;
}

export interface SiteSwitchOptions {
  site: string;
  runtime: typeof browser.runtime;
  start(settings: LensSettings): SwitchableLens;
}

export function followSiteSwitch({ site, runtime, start }: SiteSwitchOptions): { unwatch(): void } {
  let lens: SwitchableLens | null = null;
  let siteEnabled: boolean | null = null;
  let settings: LensSettings | null = null;
  let paused = false;

  const apply = () => {
    if (siteEnabled === null || settings === null) return; // both first reads still running
    const on = siteEnabled && !paused;
    if (on && !lens) lens = start(settings);
    else if (!on && lens) {
      lens.stop();
      lens = null;
    }
  };

  // A change that arrives before the first read is newer than it: the first read must not undo it.
  const unwatchSites = watchDisabledSites((sites) => {
    siteEnabled = isSiteEnabled(allDisabled(sites), site);
    apply();
  });
  const unwatchSettings = lensSettings.watch((next) => {
    settings = next;
    lens?.configure?.(next);
    apply();
  });
  const firstRead = Promise.all([readDisabledSites(), lensSettings.read()]).then(([sites, stored]) => {
    siteEnabled ??= isSiteEnabled(allDisabled(sites), site);
    settings ??= stored;
    apply();
  });

  const stopReceiving = receiveMessages<TabProtocol>(runtime.onMessage, {
    'toggle-page': () => {
      paused = !paused;
      apply();
      return undefined;
    },
    // `enabled` is the site's switch, which the popup shows (known once storage is read); `paused` says the lens
    // is off on this page alone.
    'lens-status': () => firstRead.then(() => ({ site, enabled: siteEnabled === true, paused })),
  });
  return {
    unwatch() {
      unwatchSites();
      unwatchSettings();
      stopReceiving();
      lens?.stop();
      lens = null;
    },
  };
}
