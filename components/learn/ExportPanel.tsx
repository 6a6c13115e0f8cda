import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { entryDetails, indexGlossary } from '../../lib/entry-details';
import { readLearnerData, restore } from '../../lib/learning/actions';
import { ANKI_CONNECT_ORIGIN, sendToAnki } from '../../lib/learning/anki-connect';
import { makeBackup, parseBackup } from '../../lib/learning/backup';
import { exportRows, toAnki, toCsv, toPleco } from '../../lib/learning/export';
import { glossary } from '../glossary';
import { attempt } from './attempt';
import type { LearnerState } from './useLearnerData';

const index = indexGlossary(glossary);

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportPanel({ state, now }: { state: LearnerState; now: () => Date }) {
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const rows = () => exportRows(state.studyList, (term) => entryDetails(glossary, term, index), state.history);
  const stamp = () => now().toISOString().slice(0, 10);
  const empty = state.studyList.length === 0;

  const importBackup = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseBackup(await file.text());
    if ('error' in parsed) return setMessage({ text: parsed.error, error: true });
    try {
      await restore(parsed.data);
    } catch (error) {
      return setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    }
    setMessage({ text: `Restored ${parsed.data.studyList.length} saved terms, ${parsed.data.cards.length} cards and ${parsed.data.history.length} sightings.` });
  };

  const toAnkiConnect = async () => {
    // Asked for here, on the learner's click, and only for AnkiConnect's local address.
    const granted = await browser.permissions.request({ origins: [ANKI_CONNECT_ORIGIN] });
    if (!granted) return setMessage({ text: 'Without access to 127.0.0.1:8765 the extension cannot reach Anki.', error: true });
    try {
      const { added, skipped } = await sendToAnki(rows());
      setMessage({ text: `Anki: ${added} notes added, ${skipped} already there.` });
    } catch (error) {
      setMessage({
        text: `Could not reach AnkiConnect (${(error as Error).message}). Is Anki running with the AnkiConnect add-on, and does its webCorsOriginList allow this extension (${location.origin})?`,
        error: true,
      });
    }
  };

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export and backup</h2>
      <p>
        <button type="button" disabled={empty} onClick={() => download(`jiaozuo-policy-lens-anki-${stamp()}.txt`, toAnki(rows()), 'text/plain')}>
          Anki (.txt)
        </button>{' '}
        <button type="button" disabled={empty} onClick={() => download(`jiaozuo-policy-lens-pleco-${stamp()}.txt`, toPleco(rows()), 'text/plain')}>
          Pleco (.txt)
        </button>{' '}
        <button type="button" disabled={empty} onClick={() => download(`jiaozuo-policy-lens-${stamp()}.csv`, toCsv(rows()), 'text/csv')}>
          CSV
        </button>{' '}
        <button type="button" disabled={empty} onClick={() => attempt(toAnkiConnect())}>
          Send to Anki (AnkiConnect)
        </button>
      </p>
      <p class="muted">In Anki: File → Import, choose the .txt; the header lines set the deck and the columns.</p>
      <h3>Backup</h3>
      <p>
        <button type="button" onClick={() => attempt(readLearnerData().then((data) => download(`jiaozuo-policy-lens-backup-${stamp()}.json`, makeBackup(data, now()), 'application/json')))}>
          Export everything (.json)
        </button>{' '}
        <label class="file">
          Import a backup… <input type="file" accept="application/json,.json" onChange={(e) => attempt(importBackup(e.currentTarget.files?.[0]))} />
        </label>
      </p>
      <p class="muted">Importing replaces your study list, review state and history with the backup's.</p>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
