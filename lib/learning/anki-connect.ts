/**
 * Sends study-list notes to a running Anki through the AnkiConnect add-on (http://127.0.0.1:8765), behind an
 * optional host permission asked for only when the learner turns this on.
 */
import type { ExportRow } from './export';

const ANKI_CONNECT_URL = 'http://127.0.0.1:8765';
export const ANKI_CONNECT_ORIGIN = `${ANKI_CONNECT_URL}/*`;
const DECK = 'Jiaozuo Policy Lens';

interface AnkiConnectReply<T> {
  result: T;
  error: string | null;
}

async function call<T>(action: string, params: unknown, fetcher: typeof fetch): Promise<T> {
  const response = await fetcher(ANKI_CONNECT_URL, {
    method: 'POST',
    body: JSON.stringify({ action, version: 6, params }),
  });
  if (!response.ok) throw new Error(`AnkiConnect answered ${response.status}`);
  const reply = (await response.json()) as AnkiConnectReply<T>;
  if (reply.error) throw new Error(reply.error);
  return reply.result;
}

/** The note AnkiConnect's addNote takes: Anki's built-in "Basic" type, term on the front. */
export function ankiNote(row: ExportRow) {
  const back = [
    row.pinyin,
    row.gloss,
    row.explanation,
    row.sourceSentence,
    row.sourceTranslation,
    row.sourceDocument,
  ].filter(Boolean);
  return {
    deckName: DECK,
    modelName: 'Basic',
    fields: { Front: row.term, Back: back.join('<br>') },
    options: { allowDuplicate: false, duplicateScope: 'deck' },
    tags: ['jiaozuo-policy-lens'],
  };
}

/** Adds the rows as notes; returns how many were added (duplicates are skipped by Anki). */
export async function sendToAnki(
  rows: readonly ExportRow[],
  fetcher: typeof fetch = fetch,
): Promise<{ added: number; skipped: number }> {
  await call('createDeck', { deck: DECK }, fetcher);
  const results = await call<(number | null)[]>('addNotes', { notes: rows.map(ankiNote) }, fetcher);
  const added = results.filter((id) => id !== null).length;
  return { added, skipped: results.length - added };
}
