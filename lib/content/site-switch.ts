/**
 * Runs the lens only while the reader has not switched it off for this site (or paused it on this page with
 * the keyboard command), and follows their choices without a reload: off stops the lens (highlights, popover
 * and reports go with it), on starts a fresh one, and a changed setting (highlight style, popover trigger…)
 * is handed to the running lens. It also answers the popup's `lens-status` question, which is why it listens
 * even while the lens is off.
 *
 * Nothing is read from storage until the lens is wanted (`waitFor`: the frame has Chinese text) or the popup
 * asks: a frame that never has any costs a message listener.
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
  /** The site the frame belongs to (siteOf): asked once, when first needed. */
  site: () => string;
  runtime: typeof browser.runtime;
  start(settings: LensSettings): SwitchableLens;
  /** Calls `go` once the lens is wanted in this frame (default: at once); returns what stops waiting. */
  waitFor?(go: () => void): () => void;
}

export function followSiteSwitch({ site: siteOf, runtime, start, waitFor = atOnce }: SiteSwitchOptions): {
  unwatch(): void;
} {
  let known: string | null = null;
  const site = () => (known ??= siteOf());
  let lens: SwitchableLens | null = null;
  let wanted = false;
  let siteEnabled: boolean | null = null;
  let settings: LensSettings | null = null;
  let paused = false;

  const apply = () => {
    if (!wanted || siteEnabled === null || settings === null) return; // not wanted, or the first reads still running
    const on = siteEnabled && !paused;
    if (on && !lens) lens = start(settings);
    else if (!on && lens) {
      lens.stop();
      lens = null;
    }
  };

  let unwatchStorage = () => {};
  let firstRead: Promise<void> | null = null;
  /** Reads the switch and the settings, and follows them from then on (once). */
  const read = () => {
    if (firstRead) return firstRead;
    // A change that arrives before the first read is newer than it: the first read must not undo it.
    const unwatchSites = watchDisabledSites((sites) => {
      siteEnabled = isSiteEnabled(allDisabled(sites), site());
      apply();
    });
    const unwatchSettings = lensSettings.watch((next) => {
      settings = next;
      lens?.configure?.(next);
      apply();
    });
    unwatchStorage = () => {
      unwatchSites();
      unwatchSettings();
    };
    firstRead = Promise.all([readDisabledSites(), lensSettings.read()]).then(([sites, stored]) => {
      siteEnabled ??= isSiteEnabled(allDisabled(sites), site());
      settings ??= stored;
      apply();
    });
    return firstRead;
  };
  const stopWaiting = waitFor(() => {
    wanted = true;
    void read();
  });

  const stopReceiving = receiveMessages<TabProtocol>(runtime.onMessage, {
    'toggle-page': () => {
      paused = !paused;
      apply();
      return undefined;
    },
    // `enabled` is the site's switch, which the popup shows (known once storage is read); `paused` says the lens
    // is off on this page alone.
    'lens-status': () => read().then(() => ({ site: site(), enabled: siteEnabled === true, paused })),
  });
  return {
    unwatch() {
      stopWaiting();
      unwatchStorage();
      stopReceiving();
      lens?.stop();
      lens = null;
    },
  };
}

function atOnce(go: () => void): () => void {
  go();
  return () => {};
}
