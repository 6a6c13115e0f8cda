/**
 * Whether the extension's button is pinned to the toolbar, where the browser says (action.getUserSettings:
 * Chrome 91, Firefox 118), read again when it says that changed (Chrome 130) or when the reader comes back to the
 * page; null where the browser does not say.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export function usePinned(): boolean | null {
  const [pinned, setPinned] = useState<boolean | null>(null);
  useEffect(() => {
    const action = browser.action as Partial<typeof browser.action>;
    if (!action.getUserSettings) return;
    const read = () =>
      void action.getUserSettings!().then(
        (settings) => setPinned(settings.isOnToolbar ?? null),
        () => setPinned(null),
      );
    read();
    const onVisible = () => document.visibilityState === 'visible' && read();
    document.addEventListener('visibilitychange', onVisible);
    action.onUserSettingsChanged?.addListener(read);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      action.onUserSettingsChanged?.removeListener(read);
    };
  }, []);
  return pinned;
}
