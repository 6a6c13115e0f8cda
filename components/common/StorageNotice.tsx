/**
 * The last change that could not be stored this session (storage full, say), wherever it was made: the
 * popover's star, the per-site switch, the background's history, the options page. Shown until dismissed, or
 * until that change is made after all.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '../../lib/i18n';
import { dismissFault, lastFault, type NotedFault } from '../../lib/storage/faults';
import { faultText } from './fault-text';

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
      {faultText(fault)}{' '}
      <button type="button" onClick={() => void dismissFault()}>
        {i18n.t('common.dismiss')}
      </button>
    </p>
  );
}
