import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { entryDetails, indexGlossary } from '../../lib/entry-details';
import { readLearnerData, restore } from '../../lib/learning/actions';
import { ANKI_CONNECT_ORIGIN, ANKI_NOTE_TYPE, NoteTypeMismatch, sendToAnki } from '../../lib/learning/anki-connect';
import { countText, i18n, type PlainKey } from '../../lib/i18n';
import { makeBackup, parseBackup, type BackupProblem, type LearnerData } from '../../lib/learning/backup';
import { ANKI_DECK, ANKI_FILE_NOTE_TYPE, exportRows, toAnki, toCsv, toPleco } from '../../lib/learning/export';
import { errorText } from '../common/fault-text';
import { glossary } from '../../lib/glossary';
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
    if ('problem' in parsed) return setMessage({ text: problemText(parsed.problem), error: true });
    try {
      await restore(parsed.data);
    } catch (error) {
      return setMessage({ text: errorText(error), error: true });
    }
    const { studyList, cards, history } = parsed.data;
    setMessage({
      text: i18n.t('export.restored', {
        terms: countText('count.savedTerms', studyList.length),
        cards: countText('count.cards', cards.length),
        sightings: countText('count.sightings', history.length),
      }),
    });
  };

  const toAnkiConnect = async () => {
    // Asked for here, on the learner's click, and only for AnkiConnect's local address.
    const granted = await browser.permissions.request({ origins: [ANKI_CONNECT_ORIGIN] });
    if (!granted) return setMessage({ text: i18n.t('export.noPermission'), error: true });
    try {
      const { added, skipped } = await sendToAnki(rows());
      setMessage({
        text: i18n.t('export.ankiResult', {
          added: countText('count.notesAdded', added),
          skipped: countText('count.alreadyInAnki', skipped),
        }),
      });
    } catch (error) {
      setMessage({
        text:
          error instanceof NoteTypeMismatch
            ? i18n.t('export.noteTypeMismatch', { noteType: ANKI_NOTE_TYPE, fields: error.missing.join(', ') })
            : i18n.t('export.ankiUnreachable', { error: (error as Error).message, origin: location.origin }),
        error: true,
      });
    }
  };

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{i18n.t('export.heading')}</h2>
      <p class="export-formats">
        <button
          type="button"
          disabled={empty}
          onClick={() => download(`jiaozuo-policy-lens-anki-${stamp()}.txt`, toAnki(rows()), 'text/plain')}
        >
          Anki (.txt)
        </button>
        <button
          type="button"
          disabled={empty}
          onClick={() => download(`jiaozuo-policy-lens-pleco-${stamp()}.txt`, toPleco(rows()), 'text/plain')}
        >
          Pleco (.txt)
        </button>
        <button
          type="button"
          disabled={empty}
          onClick={() => download(`jiaozuo-policy-lens-${stamp()}.csv`, toCsv(rows()), 'text/csv')}
        >
          CSV
        </button>
        <button type="button" disabled={empty} onClick={() => attempt(toAnkiConnect())}>
          {i18n.t('export.sendToAnki')}
        </button>
      </p>
      <p class="muted">{i18n.t('export.ankiFileHint', { noteType: ANKI_FILE_NOTE_TYPE, deck: ANKI_DECK })}</p>
      <p class="muted">{i18n.t('export.ankiConnectHint', { noteType: ANKI_NOTE_TYPE })}</p>
      <p class="muted">{i18n.t('export.csvHint')}</p>
      <h3>{i18n.t('export.backup')}</h3>
      <p>
        <button
          type="button"
          onClick={() =>
            attempt(
              readLearnerData().then((data) =>
                download(`jiaozuo-policy-lens-backup-${stamp()}.json`, makeBackup(data, now()), 'application/json'),
              ),
            )
          }
        >
          {i18n.t('export.exportAll')}
        </button>{' '}
        <label class="file">
          {i18n.t('export.importBackup')}{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => attempt(importBackup(e.currentTarget.files?.[0]))}
          />
        </label>
      </p>
      <p class="muted">{i18n.t('export.importWarning')}</p>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

const LIST_NAMES: Record<keyof LearnerData, PlainKey> = {
  studyList: 'backupError.studyList',
  cards: 'backupError.cards',
  log: 'backupError.log',
  history: 'backupError.history',
};

function problemText(problem: BackupProblem): string {
  switch (problem.kind) {
    case 'not-json':
      return i18n.t('backupError.notJson');
    case 'not-backup':
      return i18n.t('backupError.notBackup');
    case 'no-version':
      return i18n.t('backupError.noVersion');
    case 'newer':
      return i18n.t('backupError.newer', { version: problem.version });
    case 'not-a-list':
      return i18n.t('backupError.notList', { list: i18n.t(LIST_NAMES[problem.list]) });
    case 'malformed-item':
      return i18n.t('backupError.malformed', { list: i18n.t(LIST_NAMES[problem.list]), item: problem.item });
  }
}
