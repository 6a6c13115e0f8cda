/**
 * Words of the general dictionary on the study list: the background saves only what the dictionary has, with
 * the dictionary's own data (never the sender's) and the page's sentence; stored data accepts them and nothing
 * malformed; the Learn page's view and the exports show the dictionary's readings and senses, never a glossary
 * entry's; and the lookup says which words are saved. The real background runs against WXT's fake browser,
 * reading the dictionary's built files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GENERATED_DIR } from '../../glossary/compiler/build';
import type { DictionaryEntry } from '../../lib/dictionary-types';
import { entryDetails } from '../../lib/entry-details';
import { glossary } from '../../lib/glossary';
import { readLearnerData, saveWord } from '../../lib/learning/actions';
import { parseBackup } from '../../lib/learning/backup';
import { exportRows, toAnki, toCsv, toPleco } from '../../lib/learning/export';
import { isSavedTerm, type SavedTerm } from '../../lib/learning/model';
import { studyView } from '../../lib/learning/study-view';
import { parseRequest } from '../../lib/messages/protocol';
import { startBackground } from './start-background';

const NOW = new Date('2026-05-01T10:00:00Z');
const FROM_PAGE = { tab: { id: 7, index: 0, windowId: 1 }, frameId: 0, url: 'https://news.example/a' };
const PRIVATE = { ...FROM_PAGE, tab: { ...FROM_PAGE.tab, incognito: true } };

/** The extension's own files, as the background fetches them: the dictionary's, from glossary/generated/. */
function serveBuiltFiles() {
  vi.stubGlobal('fetch', async (url: string) => {
    const file = new URL(url).pathname.slice(1);
    return new Response(readFileSync(join(GENERATED_DIR, file)));
  });
}

async function deliver(message: unknown, sender: object = FROM_PAGE): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
  return answers.find((answer) => answer !== undefined);
}

const studyList = async () => (await readLearnerData()).studyList;

describe('saving a dictionary word (save-word)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    serveBuiltFiles();
    startBackground();
  });

  it('saves a word the dictionary has, with the dictionary’s entries and the cleaned sentence it is in', async () => {
    const request = {
      type: 'save-word',
      word: '铿锵',
      save: true,
      page: { url: 'https://news.example/a?token=1', title: '新闻' },
      sentence: '  新时代的改革者\u202e步履铿锵地走向未来。 ',
    };
    expect(await deliver(request)).toEqual({ saved: true });
    const [saved] = await studyList();
    expect(saved).toMatchObject({
      term: '铿锵',
      note: '',
      word: {
        entries: [
          {
            traditional: '鏗鏘',
            simplified: '铿锵',
            pinyin: 'kēng qiāng',
            senses: ['sonorous', 'resounding', 'fig. resounding words'],
          },
        ],
        sentence: '新时代的改革者步履铿锵地走向未来。',
      },
    });
    // Its review cards, and where it was met, in the same change.
    const data = await readLearnerData();
    expect(data.cards.filter((card) => card.term === '铿锵')).toHaveLength(3);
    expect(data.history).toMatchObject([{ term: '铿锵', url: 'https://news.example/a' }]);
    // The lookup says it is saved.
    expect(await deliver({ type: 'dictionary-lookup', text: '步履铿锵地走', offset: 2 })).toMatchObject({
      words: [{ text: '铿锵' }, { text: '铿' }],
      saved: ['铿锵'],
    });
    expect(await deliver({ type: 'save-word', word: '铿锵', save: false })).toEqual({ saved: false });
    expect(await studyList()).toEqual([]);
  });

  it('refuses what the dictionary does not have, keeping nothing', async () => {
    for (const word of ['铿锵地', 'sonorous', '\ud800', '焦作高新区'])
      expect(await deliver({ type: 'save-word', word, save: true, sentence: word }), word).toEqual({ saved: false });
    expect(await studyList()).toEqual([]);
    // A sender cannot make the dictionary say something else: its request has no entries to give.
    expect(parseRequest({ type: 'save-word', word: '铿锵', save: true, entries: [] })).toMatchObject({
      request: { type: 'save-word', word: '铿锵', save: true },
    });
    expect(parseRequest({ type: 'save-word', word: '', save: true })).toHaveProperty('invalid');
    expect(parseRequest({ type: 'save-word', word: '长'.repeat(65), save: true })).toHaveProperty('invalid');
  });

  it('keeps no sentence from a private window', async () => {
    const page = { url: 'https://news.example/a', title: '新闻' };
    await deliver({ type: 'save-word', word: '步履', save: true, sentence: '步履铿锵。', page }, PRIVATE);
    const [saved] = await studyList();
    expect(saved!.word!.sentence).toBe('');
    expect((await readLearnerData()).history).toEqual([]);
  });

  it('looks up the word before a point, for stepping back: the longest, then the shorter ones it ends with', async () => {
    const answer = (await deliver({ type: 'dictionary-lookup', text: '新的改革者步履', offset: 5, ending: true })) as {
      words: { text: string; start: number; end: number }[];
    };
    expect(answer.words.map((w) => w.text)).toEqual(['改革者', '者']);
    expect(answer.words[0]).toMatchObject({ start: 2, end: 5, entries: [{ pinyin: 'gǎi gé zhě' }] });
    // Nothing ends at a point after punctuation, or at the start.
    expect(await deliver({ type: 'dictionary-lookup', text: '改革，步履', offset: 3, ending: true })).toEqual({
      words: [],
    });
    expect(await deliver({ type: 'dictionary-lookup', text: '改革', offset: 0, ending: true })).toEqual({ words: [] });
  });
});

const KENGQIANG: DictionaryEntry = {
  traditional: '鏗鏘',
  simplified: '铿锵',
  pinyin: 'kēng qiāng',
  senses: ['sonorous', 'resounding', 'fig. resounding words'],
  classifiers: [],
  variantOf: [],
};
const FA: DictionaryEntry[] = [
  {
    traditional: '發',
    simplified: '发',
    pinyin: 'fā',
    senses: ['to send out', 'to issue'],
    classifiers: [],
    variantOf: [],
  },
  {
    traditional: '髮',
    simplified: '发',
    pinyin: 'fà',
    senses: ['hair'],
    classifiers: [{ traditional: '根', simplified: '根', pinyin: 'gēn' }],
    variantOf: [],
  },
];
const word = (term: string, entries: DictionaryEntry[], sentence = ''): SavedTerm => ({
  term,
  savedAt: NOW.toISOString(),
  note: '',
  word: { entries, sentence },
});
const details = (term: string) => entryDetails(glossary, term);

describe('a saved dictionary word on the Learn page and in the exports', () => {
  it('is stored data only when well formed', () => {
    expect(isSavedTerm(word('铿锵', [KENGQIANG], '步履铿锵。'))).toBe(true);
    expect(isSavedTerm({ ...word('铿锵', [KENGQIANG]), word: { entries: [], sentence: '' } })).toBe(false);
    expect(
      isSavedTerm({
        ...word('铿锵', [KENGQIANG]),
        word: { entries: [{ ...KENGQIANG, senses: 'sonorous' }], sentence: '' },
      }),
    ).toBe(false);
    expect(isSavedTerm({ ...word('铿锵', [KENGQIANG]), word: { entries: [KENGQIANG] } })).toBe(false);
    const backup = JSON.stringify({
      format: 'jiaozuo-policy-lens-backup',
      version: 1,
      studyList: [word('铿锵', [KENGQIANG])],
    });
    expect(parseBackup(backup)).toMatchObject({
      data: { studyList: [{ term: '铿锵', word: { entries: [KENGQIANG] } }] },
    });
  });

  it('is shown from the dictionary’s data, even where the glossary has a term written the same way', () => {
    // 北京 is a glossary term (the Jiaozuo glossary's Beijing); saved from the dictionary, it is the dictionary's.
    const beijing = word(
      '北京',
      [
        {
          ...KENGQIANG,
          traditional: '北京',
          simplified: '北京',
          pinyin: 'Běi jīng',
          senses: ['Beijing, capital of the People’s Republic of China'],
        },
      ],
      '我爱北京。',
    );
    expect(details('北京')).not.toBeNull();
    expect(studyView(beijing, details)).toMatchObject({
      source: 'dictionary',
      pinyin: 'Běi jīng',
      gloss: 'Beijing, capital of the People’s Republic of China',
      explanation: '',
      cloze: { text: '我爱北京。', start: 2, end: 4 },
      details: null,
    });
    // Several readings: each with its senses; no sentence, nothing to ask a cloze card in.
    expect(studyView(word('发', FA), details)).toMatchObject({
      pinyin: 'fā / fà',
      gloss: 'to send out; to issue | hair',
      cloze: null,
    });
    // A glossary term is the glossary's.
    expect(studyView({ term: '三区一极', savedAt: NOW.toISOString(), note: '' }, details)).toMatchObject({
      source: 'glossary',
      gloss: 'Three Zones, One Pole',
    });
  });

  it('is exported with its readings, senses, source and sentence, to Anki, Pleco and CSV', () => {
    const rows = exportRows([word('铿锵', [KENGQIANG], '步履铿锵地走向未来。'), word('发', FA)], details, []);
    expect(rows[0]).toEqual({
      term: '铿锵',
      pinyin: 'kēng qiāng',
      gloss: 'sonorous; resounding; fig. resounding words',
      explanation: 'From CC-CEDICT, the general Chinese–English dictionary.',
      sourceSentence: '步履铿锵地走向未来。',
      sourceTranslation: '',
      sourceDocument: '',
      metSentence: '',
      note: '',
    });
    expect(rows[1]).toMatchObject({
      pinyin: 'fā / fà',
      gloss: 'fā: to send out; to issue | fà: hair',
      explanation: 'From CC-CEDICT, the general Chinese–English dictionary. Measure words: 根 gēn.',
    });
    expect(toAnki(rows)).toContain(
      '铿锵\t<div>kēng qiāng</div><div><b>sonorous; resounding; fig. resounding words</b></div>',
    );
    // Pleco fills in the reading of a word of several itself; its definition names each.
    expect(toPleco(rows).split('\n').slice(1, 3)).toEqual([
      '铿锵\tkeng1qiang1\tsonorous; resounding; fig. resounding words — From CC-CEDICT, the general Chinese–English dictionary.',
      '发\t\tfā: to send out; to issue | fà: hair — From CC-CEDICT, the general Chinese–English dictionary. Measure words: 根 gēn.',
    ]);
    expect(toCsv(rows)).toContain('铿锵,kēng qiāng,sonorous; resounding; fig. resounding words');
  });

  it('is saved once: a term already on the study list stays as it was saved', async () => {
    fakeBrowser.reset();
    await saveWord('铿锵', { entries: [KENGQIANG], sentence: '' }, NOW, null);
    await saveWord('铿锵', { entries: [KENGQIANG], sentence: '又一句。' }, NOW, null);
    expect(await studyList()).toEqual([word('铿锵', [KENGQIANG])]);
  });
});
