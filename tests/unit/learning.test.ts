import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EntryDetails } from '../../lib/entry-details';
import { makeBackup, parseBackup, type LearnerData } from '../../lib/learning/backup';
import { FIELD_NAMES, exportRows, toAnki, toCsv, toPleco } from '../../lib/learning/export';
import type { Encounter, SavedTerm, StoredCard } from '../../lib/learning/model';
import { readLearnerData, recordReview, saveTerm, undoReview } from '../../lib/learning/actions';
import { cardsFor, rate, reviewQueue, reviewsPerDay, streakDays } from '../../lib/learning/scheduling';
import { capHistory } from '../../lib/learning/history';
import { ankiNote, sendToAnki } from '../../lib/learning/anki-connect';
import { numberedPinyin } from '../../lib/pinyin/tones';

const NOW = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
/** Local midnight after NOW: the next day begins for burying (and for streaks) in the learner's time zone. */
const TOMORROW = new Date(new Date(NOW).setHours(24, 0, 0, 0));
const BURY = { burySiblings: true };
const dueAt = (cards: readonly StoredCard[], now: Date) => reviewQueue(cards, [], now, BURY).due;

describe('scheduling (FSRS, fixed clock)', () => {
  it('makes one card per direction for a saved term, keeping existing ones', () => {
    const cards = cardsFor('一区五城', [], NOW);
    expect(cards.map((c) => c.direction)).toEqual(['recognize', 'produce', 'cloze']);
    expect(cardsFor('一区五城', cards, NOW)).toEqual([]);
    expect(dueAt(cards, NOW)).toHaveLength(3);
  });

  it('moves a card through learning steps into days-long intervals, and back on a lapse', () => {
    let [card] = cardsFor('三十工程', [], NOW);
    const first = rate(card!, 3, NOW);
    expect(Date.parse(first.card.due) - NOW.getTime()).toBe(10 * 60_000); // a 10-minute learning step
    expect(first.log).toEqual({ term: '三十工程', direction: 'recognize', rating: 3, at: NOW.toISOString() });
    const second = rate(first.card, 3, minutes(10));
    expect(Date.parse(second.card.due) - minutes(10).getTime()).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(dueAt([second.card], minutes(11))).toEqual([]);
    const lapse = rate(second.card, 1, new Date(second.card.due));
    expect(lapse.card.lapses).toBe(1);
    expect(Date.parse(lapse.card.due) - Date.parse(second.card.due)).toBeLessThan(24 * 3_600_000);
    card = rate(lapse.card, 4, new Date(lapse.card.due)).card;
    expect(card.reps).toBe(4);
  });

  it("buries a term's other cards until the next day once one is reviewed, as Anki buries siblings", () => {
    const cards = [...cardsFor('一区五城', [], NOW), ...cardsFor('三区一极', [], NOW)];
    const recognize = rate(cards[0]!, 3, NOW); // into a 10-minute learning step
    const after = [recognize.card, ...cards.slice(1)];
    const log = [recognize.log];

    const queue = reviewQueue(after, log, minutes(1), BURY);
    expect(queue.due.map((c) => `${c.term} ${c.direction}`)).toEqual([
      '三区一极 recognize',
      '三区一极 produce',
      '三区一极 cloze',
    ]);
    expect(queue.buried.map((c) => c.direction)).toEqual(['produce', 'cloze']);
    // The answered card's learning step comes back today; its siblings wait.
    expect(queue.next).toEqual(new Date(recognize.card.due));
    expect(reviewQueue(after, log, minutes(10), BURY).due.map((c) => c.direction)).toContain('recognize');
    expect(
      reviewQueue(after, log, minutes(10), BURY)
        .due.filter((c) => c.term === '一区五城')
        .map((c) => c.direction),
    ).toEqual(['recognize']);

    // Once the other term is done too, the next card is tomorrow's: the buried ones, at the start of the day.
    const graduated = rate(recognize.card, 4, minutes(10)).card;
    const onlyOneTerm = [graduated, ...cards.slice(1, 3)];
    const done = reviewQueue(onlyOneTerm, log, minutes(11), BURY);
    expect(done.due).toEqual([]);
    expect(done.next).toEqual(TOMORROW);
    expect(reviewQueue(onlyOneTerm, log, TOMORROW, BURY).due.map((c) => c.direction)).toEqual(['produce', 'cloze']);

    // Off: every due card is shown.
    expect(reviewQueue(after, log, minutes(1), { burySiblings: false }).due).toHaveLength(5);
  });

  it('buries review cards as well as new ones, never learning steps', () => {
    const [recognize, produce] = cardsFor('焦作', [], NOW);
    const inReview: StoredCard = { ...produce!, state: 2, reps: 3, due: NOW.toISOString() };
    const relearning: StoredCard = { ...produce!, state: 3, reps: 3, lapses: 1, due: NOW.toISOString() };
    const log = [rate(recognize!, 3, minutes(-5)).log];
    expect(reviewQueue([inReview], log, NOW, BURY).buried).toEqual([inReview]);
    expect(reviewQueue([relearning], log, NOW, BURY).due).toEqual([relearning]);
  });

  it('counts streaks of days with reviews and reviews per day', () => {
    const at = (iso: string) => ({ term: 'x', direction: 'recognize' as const, rating: 3, at: iso });
    const log = [
      at('2026-02-27T10:00:00'),
      at('2026-02-28T10:00:00'),
      at('2026-03-01T10:00:00'),
      at('2026-03-01T11:00:00'),
    ];
    expect(streakDays(log, new Date('2026-03-01T20:00:00'))).toBe(3);
    expect(streakDays(log, new Date('2026-03-02T08:00:00'))).toBe(3); // today not yet reviewed: streak holds
    expect(streakDays(log, new Date('2026-03-03T08:00:00'))).toBe(0);
    expect(reviewsPerDay(log, new Date('2026-03-01T20:00:00'), 3)).toEqual([
      { day: '2026-02-27', count: 1 },
      { day: '2026-02-28', count: 1 },
      { day: '2026-03-01', count: 2 },
    ]);
  });
});

describe('undoing an answer (stored, fixed clock)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('puts the card back as it was, forgets the answer, and lifts the burying it caused', async () => {
    await saveTerm('一区五城', NOW);
    const before = await readLearnerData();
    const answer = await recordReview(before.cards[0]!, 3, minutes(1));
    const answered = await readLearnerData();
    expect(answered.log).toHaveLength(1);
    expect(reviewQueue(answered.cards, answered.log, minutes(2), BURY).due).toEqual([]);

    expect(await undoReview(answer)).toBe(true);
    const undone = await readLearnerData();
    expect(undone.cards).toEqual(before.cards);
    expect(undone.log).toEqual([]);
    expect(reviewQueue(undone.cards, undone.log, minutes(2), BURY).due).toHaveLength(3);
  });

  it('undoes answers one after another, the latest first', async () => {
    await saveTerm('一区五城', NOW);
    const [card] = (await readLearnerData()).cards;
    const first = await recordReview(card!, 3, minutes(1));
    const second = await recordReview(first.after, 1, minutes(11));
    expect(await undoReview(second)).toBe(true);
    expect((await readLearnerData()).cards[0]).toEqual(first.after);
    expect(await undoReview(first)).toBe(true);
    expect((await readLearnerData()).cards[0]).toEqual(card);
    expect((await readLearnerData()).log).toEqual([]);
  });

  it('refuses, changing nothing, when the card was answered again since (another tab)', async () => {
    await saveTerm('一区五城', NOW);
    const [card] = (await readLearnerData()).cards;
    const mine = await recordReview(card!, 3, minutes(1));
    await recordReview(mine.after, 3, minutes(11)); // elsewhere
    const stored = await readLearnerData();
    expect(await undoReview(mine)).toBe(false);
    expect(await readLearnerData()).toEqual(stored);
  });
});

describe('exports', () => {
  // Fixed entries, so that the golden files change only when the formats do, not with the glossary's wording.
  const entry = (
    term: string,
    pinyin: string,
    gloss: string,
    explanation: string,
    text: string,
    translation?: string,
  ): EntryDetails => ({
    term,
    aliases: [],
    pinyin,
    gloss,
    explanation,
    category: 'slogan',
    breakdown: [],
    related: [],
    firstYear: 2024,
    lastYear: 2024,
    contexts: [
      {
        text,
        marks: [[0, term.length]],
        headline: '打造先行区 建设示范城',
        outlet: '本报编辑部',
        period: 'late September 2024',
        ...(translation ? { translation } : {}),
      },
    ],
  });
  const entries = new Map([
    [
      '一区五城',
      entry(
        '一区五城',
        'yī qū wǔ chéng',
        'One Zone, Five Cities',
        'Jiaozuo\'s 2024 blueprint: a pioneer zone reached by building "five cities".',
        '立足“一区五城”的内在联系。',
        'Build on the links within "One Zone, Five Cities".',
      ),
    ],
    [
      '山药',
      entry(
        '山药',
        'shān yao',
        'Chinese yam',
        'One of the Four Great Huai Medicinals, "a, b"\nsecond line.',
        '四大怀药：山药。',
      ),
    ],
  ]);
  const saved: SavedTerm[] = [
    { term: '一区五城', savedAt: NOW.toISOString(), note: 'from the 2024 plenum\tspeech' },
    { term: '山药', savedAt: NOW.toISOString(), note: '' },
  ];
  const history: Encounter[] = [
    {
      term: '一区五城',
      url: 'https://example.com/a',
      title: '新闻',
      at: '2026-03-01T08:00:00.000Z',
      sentence: '焦作市全力推进“一区五城”建设。',
    },
  ];
  const rows = exportRows(saved, (term) => entries.get(term) ?? null, history);

  /** Compares with the golden file; JPL_UPDATE_GOLDEN=1 rewrites it (then read the diff). */
  function golden(name: string, actual: string) {
    const path = join(__dirname, 'golden', name);
    if (process.env.JPL_UPDATE_GOLDEN === '1') writeFileSync(path, actual);
    expect(existsSync(path), `${name}: run with JPL_UPDATE_GOLDEN=1 to create it`).toBe(true);
    expect(actual).toBe(readFileSync(path, 'utf8'));
  }

  it("writes Anki's text format: header lines naming Basic, then front, back and deck per note, as HTML", () => {
    const anki = toAnki(rows);
    const lines = anki.replace(/\n$/, '').split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck column:3',
      '#tags:jiaozuo-policy-lens',
    ]);
    const notes = lines.slice(5).map((line) => line.split('\t'));
    expect(notes).toHaveLength(2);
    for (const note of notes) expect(note).toHaveLength(3);
    expect(notes[0]![0]).toBe('一区五城');
    expect(notes[0]![1]).toContain('<p><small>Met on the web:</small> 焦作市全力推进“一区五城”建设。</p>');
    expect(notes[0]![1]).toContain('from the 2024 plenum speech'); // a tab is white space in HTML
    expect(notes[0]![2]).toBe('Jiaozuo Policy Lens');
    expect(notes[1]![1]).toContain('&quot;a, b&quot;<br>second line.'); // a line break in HTML
    golden('anki.txt', anki);
  });

  it('escapes what a web page may put in a field, and quotes a field Anki would split or skip', () => {
    const [row] = rows;
    const [line] = toAnki([{ ...row!, term: '#焦作', metSentence: '<img src=x onerror=alert(1)> & "引号"' }])
      .split('\n')
      .slice(5);
    expect(line!.startsWith('"#焦作"\t')).toBe(true); // unquoted, a line starting with # is a comment to Anki
    expect(line).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;引号&quot;');
    expect(line).not.toContain('<img');
  });

  it("writes Pleco's flashcard format with numbered pinyin", () => {
    const pleco = toPleco(rows);
    const lines = pleco.trimEnd().split('\n');
    expect(lines[0]).toBe('//Jiaozuo Policy Lens');
    expect(lines[1]!.split('\t').slice(0, 2)).toEqual(['一区五城', 'yi1qu1wu3cheng2']);
    expect(lines[2]!.split('\t').slice(0, 2)).toEqual(['山药', 'shan1yao5']);
    for (const line of lines.slice(1)) expect(line.split('\t')).toHaveLength(3);
    golden('pleco.txt', pleco);
  });

  it('writes CSV with a UTF-8 byte-order mark and a header, for spreadsheets', () => {
    const text = toCsv(rows);
    expect(
      text.startsWith(
        '\uFEFFTerm,Pinyin,Gloss,Explanation,Source sentence,Translation,Source document,Met on the web,Note\r\n',
      ),
    ).toBe(true);
    golden('study.csv', text);
  });

  it('neutralises fields a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    const [row] = rows;
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const sentence = `${start}HYPERLINK("https://evil.example","点我")`;
      const [, line] = toCsv([{ ...row!, metSentence: sentence }]).split('\r\n');
      expect(line, JSON.stringify(start)).toContain(`'${start}HYPERLINK(`);
    }
    const [, plain] = toCsv([{ ...row!, metSentence: '焦作 = 5 城' }]).split('\r\n');
    expect(plain).toContain(',焦作 = 5 城,'); // only a field's first character matters
  });

  it('exports a saved term the glossary does not have with what the learner gave it', () => {
    const [gone] = exportRows([{ term: '旧词', savedAt: NOW.toISOString(), note: '记住' }], () => null, []);
    expect(gone).toMatchObject({ term: '旧词', gloss: '', note: '记住' });
  });

  it('numbers pinyin tones, with ü as v and the neutral tone as 5', () => {
    expect(numberedPinyin('lǜ sè dī tàn')).toBe('lv4 se4 di1 tan4');
    expect(numberedPinyin('jiāo zuò fànr')).toBe('jiao1 zuo4 fanr4');
    expect(numberedPinyin('xī dà jǐng 1919')).toBe('xi1 da4 jing3 1919');
  });
});

describe('AnkiConnect', () => {
  const row = {
    term: '三区一极',
    pinyin: 'sān qū yī jí',
    gloss: 'Three Zones, One Pole',
    explanation: 'e',
    sourceSentence: 's',
    sourceTranslation: 't',
    sourceDocument: 'd',
    metSentence: '<b>加粗</b>',
    note: '',
  };
  /** A fake AnkiConnect: the note types it has (name → fields), and the terms it has notes of. */
  function fakeAnki(models: Record<string, string[]>, known: string[] = []) {
    const calls: { action: string; params: Record<string, unknown> }[] = [];
    const fetcher = (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { action: string; version: number; params: Record<string, any> };
      expect(body.version).toBe(6);
      calls.push(body);
      const notes = (body.params.notes ?? []) as { fields: { Term: string } }[];
      const result = {
        modelNames: Object.keys(models),
        modelFieldNames: models[body.params.modelName as string],
        createModel: {},
        createDeck: 1,
        canAddNotes: notes.map((n) => !known.includes(n.fields.Term)),
        addNotes: notes.map((_, i) => 1000 + i),
      }[body.action];
      return new Response(JSON.stringify({ result, error: null }));
    }) as typeof fetch;
    return { calls, fetcher };
  }

  it('creates our note type with its card template when Anki lacks it, then adds the notes Anki can take', async () => {
    const anki = fakeAnki({ Basic: ['Front', 'Back'] }, ['焦作']);
    expect(await sendToAnki([row, { ...row, term: '焦作' }], anki.fetcher)).toEqual({ added: 1, skipped: 1 });
    expect(anki.calls.map((c) => c.action)).toEqual([
      'modelNames',
      'createModel',
      'createDeck',
      'canAddNotes',
      'addNotes',
    ]);
    const model = anki.calls[1]!.params as { modelName: string; inOrderFields: string[]; cardTemplates: object[] };
    expect(model.modelName).toBe('Jiaozuo Policy Lens');
    expect(model.inOrderFields).toEqual([...FIELD_NAMES]);
    expect(model.cardTemplates).toEqual([
      expect.objectContaining({
        Front: expect.stringContaining('{{Term}}'),
        Back: expect.stringContaining('{{Gloss}}'),
      }),
    ]);
    expect((anki.calls[4]!.params.notes as unknown[]).length).toBe(1); // the duplicate is not sent
    expect(ankiNote(row)).toMatchObject({
      deckName: 'Jiaozuo Policy Lens',
      modelName: 'Jiaozuo Policy Lens',
      fields: { Term: '三区一极', Pinyin: 'sān qū yī jí', 'Met on the web': '&lt;b&gt;加粗&lt;/b&gt;' },
    });
  });

  it('uses our note type when Anki has it, and refuses one of its name that lacks our fields', async () => {
    const present = fakeAnki({ 'Jiaozuo Policy Lens': [...FIELD_NAMES, 'Picture'] });
    await sendToAnki([row], present.fetcher);
    expect(present.calls.map((c) => c.action)).not.toContain('createModel');
    const changed = fakeAnki({ 'Jiaozuo Policy Lens': ['Term', 'Meaning'] });
    await expect(sendToAnki([row], changed.fetcher)).rejects.toMatchObject({
      name: 'NoteTypeMismatch',
      missing: FIELD_NAMES.filter((name) => name !== 'Term'),
    });
    expect(changed.calls.map((c) => c.action)).toEqual(['modelNames', 'modelFieldNames']);
  });

  it('reports AnkiConnect errors', async () => {
    const failing = (async () =>
      new Response(JSON.stringify({ result: null, error: 'collection is not available' }))) as typeof fetch;
    await expect(sendToAnki([], failing)).rejects.toThrow('collection is not available');
  });
});

describe('backup', () => {
  const data: LearnerData = {
    studyList: [{ term: '三区一极', savedAt: NOW.toISOString(), note: 'n' }],
    cards: cardsFor('三区一极', [], NOW),
    log: [{ term: '三区一极', direction: 'cloze', rating: 2, at: NOW.toISOString() }],
    history: [{ term: '三区一极', url: 'https://example.com', title: 't', at: NOW.toISOString(), sentence: 's' }],
  };

  it('round-trips: export then import gives the same data', () => {
    expect(parseBackup(makeBackup(data, NOW))).toEqual({ data });
  });

  it('refuses what is not a valid backup, saying why', () => {
    expect(parseBackup('{oops')).toEqual({ problem: { kind: 'not-json' } });
    expect(parseBackup('{"format":"anki"}')).toEqual({ problem: { kind: 'not-backup' } });
    const broken = JSON.parse(makeBackup(data, NOW));
    expect(parseBackup(JSON.stringify({ ...broken, version: undefined }))).toEqual({ problem: { kind: 'no-version' } });
    expect(parseBackup(JSON.stringify({ ...broken, history: {} }))).toEqual({
      problem: { kind: 'not-a-list', list: 'history' },
    });
    broken.cards[0].due = 'tomorrow';
    expect(parseBackup(JSON.stringify(broken))).toEqual({
      problem: { kind: 'malformed-item', list: 'cards', item: 1 },
    });
    expect(parseBackup(JSON.stringify({ ...broken, version: 99 }))).toEqual({
      problem: { kind: 'newer', version: 99 },
    });
  });

  it('refuses a history whose address is not a web page’s (a javascript: link would run on the Learn page)', () => {
    // Written in two parts: the lint refuses a javascript: URL in our code, and these are a hostile file's.
    for (const url of [
      ['javascript', 'alert(document.cookie)'].join(':'),
      ['JavaScript', 'void 0'].join(':'),
      'data:text/html,x',
      'chrome://settings',
    ]) {
      const backup = JSON.parse(makeBackup(data, NOW));
      backup.history[0].url = url;
      expect(parseBackup(JSON.stringify(backup)), url).toEqual({
        problem: { kind: 'malformed-item', list: 'history', item: 1 },
      });
    }
  });
});

describe('history caps', () => {
  it('caps the history per term and overall, keeping the newest', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      term: '焦作',
      url: 'u',
      title: 't',
      at: minutes(i).toISOString(),
      sentence: String(i),
    }));
    const capped = capHistory(many);
    expect(capped).toHaveLength(20);
    expect(capped.at(-1)!.sentence).toBe('29');
  });
});
