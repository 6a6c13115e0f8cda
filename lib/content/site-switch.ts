/**
 * Runs the lens only while the reader has not switched it off for this site, and follows the switch without a
 * reload: off stops the lens (highlights, popover and reports go with it), on starts a fresh one. It also
 * answers the popup's `lens-status` question, which is why it listens even while the lens is off.
 */
import type { browser } from 'wxt/browser';
import { disabledSites, isSiteEnabled, siteList } from '../disabled-sites';
import { receiveMessages, type LensStatusResponse } from '../messages';

export interface SwitchableLens {
  stop(): void;
}

export interface SiteSwitchOptions {
  site: string;
  runtime: typeof browser.runtime;
  start(): SwitchableLens;
}

export function followSiteSwitch({ site, runtime, start }: SiteSwitchOptions): { unwatch(): void } {
  let lens: SwitchableLens | null = null;
  const apply = (sites: readonly string[]) => {
    const enabled = isSiteEnabled(sites, site);
    if (enabled && !lens) lens = start();
    else if (!enabled && lens) {
      lens.stop();
      lens = null;
    }
  };
  // A change that arrives before the first read is newer than it: the first read must not undo it.
  let changed = false;
  const unwatch = disabledSites.watch((sites) => {
    changed = true;
    apply(siteList(sites));
  });
  disabledSites.getValue().then(
    (sites) => !changed && apply(siteList(sites)),
    (error: unknown) => {
      // Storage unreadable: the lens runs (its default) rather than not at all.
      console.warn('Policy Lens: could not read the switched-off sites', error);
      if (!changed) apply([]);
    },
  );

  const stopReceiving = receiveMessages(runtime.onMessage, (message) =>
    message.type === 'lens-status' ? Promise.resolve<LensStatusResponse>({ site, enabled: lens !== null }) : undefined,
  );
  return {
    unwatch() {
      unwatch();
      stopReceiving();
      lens?.stop();
      lens = null;
    },
  };
}
