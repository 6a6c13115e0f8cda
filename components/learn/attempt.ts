/**
 * A change of the learner's data started from a button or a field: when it fails (storage full, say), the Learn
 * page says what was not saved, at the top, instead of the failure going unnoticed.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../common/fault-text';

const listeners = new Set<(message: string | null) => void>();

/** Runs a change; its failure is shown until dismissed or until a later change succeeds. */
export function attempt(change: Promise<unknown>): void {
  change.then(
    () => listeners.forEach((tell) => tell(null)),
    (error: unknown) => {
      console.warn('Policy Lens:', error);
      const message = errorText(error);
      listeners.forEach((tell) => tell(message));
    },
  );
}

/** The last failure reported through `attempt`, in words, and how to dismiss it. */
export function useFailedChange(): [string | null, () => void] {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    listeners.add(setMessage);
    return () => void listeners.delete(setMessage);
  }, []);
  return [message, () => setMessage(null)];
}
