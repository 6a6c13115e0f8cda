/**
 * The last change that could not be stored this session (storage full, say), wherever it was made: the
 * popover's star, the per-site switch, the background's history. Shown until dismissed, or until that change
 * is made after all.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { dismissFault, lastFault, type NotedFault } from '../../lib/learning/store';

export function StorageNotice() {
  const [fault, setFault] = useState<NotedFault | null>(null);
  useEffect(() => {
    const read = () => void lastFault().then(setFault); // lastFault answers null rather than failing
    read();
    browser.storage.onChanged.addListener(read);
    return () => browser.storage.onChanged.removeListener(read);
  }, []);
  if (!fault) return null;
  return (
    <p class="notice storage-fault" role="alert">
      {fault.message}{' '}
      <button type="button" onClick={() => void dismissFault()}>
        Dismiss
      </button>
    </p>
  );
}
