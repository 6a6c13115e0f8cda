import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLearnerData, saveTerm } from '../../lib/learning/actions';
import { learningSettings } from '../../lib/settings';
import { HISTORY_BYTES, capHistory, pageAddress } from '../../lib/learning/history';
import { recordSightings, sightingAtSave } from '../../lib/learning/sightings';
import type { BackgroundProtocol } from '../../lib/messages/protocol';

const NOW = new Date('2026-05-01T10:00:00Z');
const TOP_FRAME = { topFrame: true, incognito: false };
const report = (url = 'https://news.example/a'): BackgroundProtocol['terms-found']['received'] => ({
  type: 'terms-found',
  terms: [
    { term: '焦作高新区', count: 2 },
    { term: '三区一极', count: 1 },
  ],
  page: { url, title: '新闻' },
  sightings: [
    { term: '焦作高新区', sentence: '焦作高新区推进高质量发展。' },
    { term: '三区一极', sentence: '以“三区一极”引领。' },
  ],
});

describe('recording where terms were met', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps sightings of saved terms only, by default', async () => {
    await saveTerm('焦作高新区', NOW);
    expect(await recordSightings(report(), TOP_FRAME, NOW)).toBe(1);
    expect((await readLearnerData()).history).toEqual([
      {
        term: '焦作高新区',
        url: 'https://news.example/a',
        title: '新闻',
        at: NOW.toISOString(),
        sentence: '焦作高新区推进高质量发展。',
      },
    ]);
  });

  it('keeps every term when the learner asks, nothing when history is off', async () => {
    await learningSettings.update({ historyAllTerms: true });
    expect(await recordSightings(report(), TOP_FRAME, NOW)).toBe(2);
    await learningSettings.update({ historyEnabled: false, historyAllTerms: true });
    expect(await recordSightings(report('https://news.example/b'), TOP_FRAME, NOW)).toBe(0);
  });

  it('records a term on a page once a day, and never our own or local pages', async () => {
    await saveTerm('焦作高新区', NOW);
    expect(await recordSightings(report(), TOP_FRAME, NOW)).toBe(1);
    expect(await recordSightings(report(), TOP_FRAME, new Date(NOW.getTime() + 3_600_000))).toBe(0);
    expect(await recordSightings(report(), TOP_FRAME, new Date(NOW.getTime() + 25 * 3_600_000))).toBe(1);
    expect(await recordSightings(report('chrome-extension://abc/glossary.html'), TOP_FRAME, NOW)).toBe(0);
    expect(await recordSightings(report('file:///tmp/a.html'), TOP_FRAME, NOW)).toBe(0);
  });
});

describe('saving a term from its card records where it was met', () => {
  beforeEach(() => fakeBrowser.reset());
  const request = (sentence = '二是推动焦作高新区扩容提质。', url = 'https://news.example/a?id=3') => ({
    term: '焦作高新区',
    page: { url, title: '新闻' },
    sentence,
  });
  const saveFromCard = async (at: Date, req = request(), origin = TOP_FRAME) =>
    saveTerm('焦作高新区', at, await sightingAtSave(req, origin, at));

  it('keeps the sentence of the card it was saved from, with the page, in the same change as the save', async () => {
    await saveFromCard(NOW);
    const data = await readLearnerData();
    expect(data.studyList.map((s) => s.term)).toEqual(['焦作高新区']);
    expect(data.history).toEqual([
      {
        term: '焦作高新区',
        url: 'https://news.example/a',
        title: '新闻',
        at: NOW.toISOString(),
        sentence: '二是推动焦作高新区扩容提质。',
      },
    ]);
  });

  it("replaces what the page reported of the same sighting (its first occurrence) with the learner's sentence", async () => {
    await learningSettings.update({ historyAllTerms: true });
    await recordSightings(report(), TOP_FRAME, NOW); // 焦作高新区推进高质量发展。(the page's first occurrence)
    await saveFromCard(new Date(NOW.getTime() + 60_000));
    const history = (await readLearnerData()).history.filter((e) => e.term === '焦作高新区');
    expect(history.map((e) => e.sentence)).toEqual(['二是推动焦作高新区扩容提质。']);
    // …and the page's later reports of the day do not add the first occurrence back.
    expect(await recordSightings(report(), TOP_FRAME, new Date(NOW.getTime() + 120_000))).toBe(0);
  });

  it('keeps nothing from a frame, a private window, a page that is not on the web, or with the history off', async () => {
    expect(await sightingAtSave(request(), { topFrame: false, incognito: false }, NOW)).toBeNull();
    expect(await sightingAtSave(request(), { topFrame: true, incognito: true }, NOW)).toBeNull();
    expect(await sightingAtSave(request('句。', 'chrome-extension://abc/glossary.html'), TOP_FRAME, NOW)).toBeNull();
    expect(await sightingAtSave({ term: '焦作高新区' }, TOP_FRAME, NOW)).toBeNull(); // saved from the Learn page
    await learningSettings.update({ historyEnabled: false });
    await saveFromCard(NOW);
    const data = await readLearnerData();
    expect(data.studyList).toHaveLength(1); // saved all the same
    expect(data.history).toEqual([]);
  });
});

describe('what a sighting keeps of a page (pages may be hostile)', () => {
  beforeEach(() => fakeBrowser.reset());
  const page = (url: string, title = '新闻') => ({ ...report(url), page: { url, title } });

  it('keeps the origin and path of an address: no query (a token, a search) and no fragment', async () => {
    expect(pageAddress('https://news.example/a/b.html?token=secret&q=1#comments')).toBe(
      'https://news.example/a/b.html',
    );
    expect(pageAddress(['javascript', 'alert(1)'].join(':'))).toBeNull(); // in two parts: the lint refuses the URL
    expect(pageAddress('not an address')).toBeNull();
    await saveTerm('焦作高新区', NOW);
    await recordSightings(page('https://news.example/a?session=abc#x'), TOP_FRAME, NOW);
    expect((await readLearnerData()).history.map((e) => e.url)).toEqual(['https://news.example/a']);
  });

  it('records nothing from frames or from private windows', async () => {
    await saveTerm('焦作高新区', NOW);
    expect(await recordSightings(report(), { topFrame: false, incognito: false }, NOW)).toBe(0);
    expect(await recordSightings(report(), { topFrame: true, incognito: true }, NOW)).toBe(0);
    expect((await readLearnerData()).history).toEqual([]);
  });

  it('cleans a title as sentences are cleaned (no bidi overrides), and cuts a long one', async () => {
    await saveTerm('焦作高新区', NOW);
    await recordSightings(page('https://news.example/a', '\u202Egnp.exe\u202C 新闻'), TOP_FRAME, NOW);
    await recordSightings(page('https://news.example/b', '长'.repeat(5000)), TOP_FRAME, NOW);
    const [cleaned, long] = (await readLearnerData()).history;
    expect(cleaned!.title).toBe('gnp.exe 新闻');
    expect(long!.title.length).toBeLessThanOrEqual(201);
  });

  it('keeps the history within its byte budget, newest first', () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({
      term: `词${i}`,
      url: `https://news.example/${i}`,
      title: '标'.repeat(200),
      at: new Date(NOW.getTime() + i * 1000).toISOString(),
      sentence: '句'.repeat(300),
    }));
    const kept = capHistory(big);
    expect(new TextEncoder().encode(JSON.stringify(kept)).length).toBeLessThanOrEqual(HISTORY_BYTES);
    expect(kept.at(-1)!.term).toBe('词2999');
    expect(kept.length).toBeGreaterThan(100);
  });
});
