/**
 * Sends study-list notes to a running Anki through the AnkiConnect add-on (http://127.0.0.1:8765), behind an
 * optional host permission asked for only when the learner turns this on. The notes are of a note type of our
 * own, with a field for each part (as Yomitan maps its fields), which is created with its card template when Anki
 * does not have it yet.
 */
import { ANKI_DECK, ANKI_TAG, FIELD_NAMES, escapeHtml, fields, type ExportRow } from './export';

const ANKI_CONNECT_URL = 'http://127.0.0.1:8765';
export const ANKI_CONNECT_ORIGIN = `${ANKI_CONNECT_URL}/*`;
/** Our note type in the learner's Anki. */
export const ANKI_NOTE_TYPE = 'Jiaozuo Policy Lens';

/** Its one card: the term asks for its reading and meaning; the back shows every field that is filled. */
const CARD_TEMPLATE = {
  Name: 'Recognition',
  Front: '<div class="term" lang="zh-CN">{{Term}}</div>',
  Back: [
    '{{FrontSide}}',
    '<hr id="answer">',
    '<div class="pinyin">{{Pinyin}}</div>',
    '<div class="gloss">{{Gloss}}</div>',
    '<div class="explanation">{{Explanation}}</div>',
    '{{#Source sentence}}<p class="source"><span lang="zh-CN">{{Source sentence}}</span>',
    '{{#Translation}}<br><i>{{Translation}}</i>{{/Translation}}',
    '{{#Source document}}<br><small>{{Source document}}</small>{{/Source document}}</p>{{/Source sentence}}',
    '{{#Met on the web}}<p><small>Met on the web:</small> <span lang="zh-CN">{{Met on the web}}</span></p>{{/Met on the web}}',
    '{{#Note}}<p><small>Note:</small> {{Note}}</p>{{/Note}}',
  ].join('\n'),
};
const CARD_CSS = [
  '.card { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 20px; text-align: center; }',
  '.term { font-size: 40px; }',
  '.pinyin { color: #57534e; }',
  '.night_mode .pinyin { color: #a8a29e; }',
  '.gloss { font-weight: bold; margin: 8px 0; }',
  '.explanation, .source { font-size: 17px; text-align: start; }',
].join('\n');

/** Anki has a note type of our name without some of our fields (the learner changed it): we do not touch it. */
export class NoteTypeMismatch extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`The note type "${ANKI_NOTE_TYPE}" in Anki lacks the fields ${missing.join(', ')}`);
    this.name = 'NoteTypeMismatch';
  }
}

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

/** The note AnkiConnect's addNote takes: our note type, each part in its field, as HTML. */
export function ankiNote(row: ExportRow) {
  const values = fields(row);
  return {
    deckName: ANKI_DECK,
    modelName: ANKI_NOTE_TYPE,
    fields: Object.fromEntries(FIELD_NAMES.map((name, i) => [name, escapeHtml(values[i]!)])),
    options: { allowDuplicate: false, duplicateScope: 'deck' },
    tags: [ANKI_TAG],
  };
}

/** Creates our note type when Anki does not have it; refuses one of our name that lacks our fields. */
async function ensureNoteType(fetcher: typeof fetch): Promise<void> {
  const names = await call<string[]>('modelNames', {}, fetcher);
  if (!names.includes(ANKI_NOTE_TYPE)) {
    await call(
      'createModel',
      {
        modelName: ANKI_NOTE_TYPE,
        inOrderFields: FIELD_NAMES,
        css: CARD_CSS,
        isCloze: false,
        cardTemplates: [CARD_TEMPLATE],
      },
      fetcher,
    );
    return;
  }
  const present = await call<string[]>('modelFieldNames', { modelName: ANKI_NOTE_TYPE }, fetcher);
  const missing = FIELD_NAMES.filter((name) => !present.includes(name));
  if (missing.length > 0) throw new NoteTypeMismatch(missing);
}

/**
 * Adds the rows as notes; returns how many were added, and how many were skipped (Anki has the term already).
 * Only the notes Anki says it can add are sent: newer AnkiConnect versions fail a whole addNotes over one
 * duplicate, older ones answer null for it.
 */
export async function sendToAnki(
  rows: readonly ExportRow[],
  fetcher: typeof fetch = fetch,
): Promise<{ added: number; skipped: number }> {
  await ensureNoteType(fetcher);
  await call('createDeck', { deck: ANKI_DECK }, fetcher);
  const notes = rows.map(ankiNote);
  const addable = await call<boolean[]>('canAddNotes', { notes }, fetcher);
  const fresh = notes.filter((_, i) => addable[i]);
  const results = fresh.length > 0 ? await call<(number | null)[]>('addNotes', { notes: fresh }, fetcher) : [];
  const added = results.filter((id) => id !== null).length;
  return { added, skipped: notes.length - added };
}
