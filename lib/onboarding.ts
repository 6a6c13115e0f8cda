/**
 * Whether to open the welcome page: on the first install only. Not on an update, and not on the 'install'
 * that Chromium reports again at every start for an unpacked extension loaded from the command line
 * (--load-extension, as the browser tests and developers load it): a flag in storage.local remembers that
 * the page was shown in this profile. Uninstalling clears it with the rest of the extension's storage.
 */
import { storage } from 'wxt/utils/storage';

const welcomeShown = storage.defineItem<boolean>('local:welcomeShown', { fallback: false });

export async function shouldWelcome(reason: string): Promise<boolean> {
  if (reason !== 'install') return false;
  if ((await welcomeShown.getValue().catch(() => false)) === true) return false;
  await welcomeShown.setValue(true);
  return true;
}
