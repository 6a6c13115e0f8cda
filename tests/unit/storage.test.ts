/**
 * The learner's data under storage faults (WXT's fake browser, with storage calls made to fail): a full quota,
 * a write applied half-way, damaged or wrong-shaped values in every key, data from a newer version, an
 * unreadable store, and two contexts saving at once. Nothing saved is lost, the learner is told, and the
 * extension keeps working.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLearnerData, recordReview, removeTerm, restore, saveTerm, setNote } from '../../lib/learning/actions';
import { learningSettings } from '../../lib/settings';
import { recordSightings } from '../../lib/learning/sightings';
import { DATA_VERSION, discardRecovered, loadData } from '../../lib/learning/store';
import { StorageFault, lastFault } from '../../lib/storage/faults';
import { cardsFor } from '../../lib/learning/scheduling';

const NOW = new Date('2026-03-02T09:00:00Z');
const local = () => fakeBrowser.storage.local.get(null);
const saved = (term: string) => ({ term, savedAt: NOW.toISOString(), note: '' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('reading and writing', () => {
  it('reads what it wrote, with the format number', async () => {
    await saveTerm('焦作', NOW);
    const { data, recovered } = await loadData(NOW);
    expect(data.studyList).toEqual([saved('焦作')]);
    expect(data.cards.map((c) => c.direction)).toEqual(['recognize', 'produce', 'cloze']);
    expect(recovered).toEqual([]);
    expect((await local()).dataVersion).toBe(DATA_VERSION);
  });

  it('writes each change in one storage call, so the browser applies it whole or not at all', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await saveTerm('焦作', NOW);
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0]).sort()).toEqual(['dataVersion', 'reviewCards', 'studyList']);
    const [card] = (await readLearnerData()).cards;
    await recordReview(card!, 3, NOW);
    expect(Object.keys(set.mock.calls[1]![0]).sort()).toEqual(['reviewCards', 'reviewLog']); // the format number is written once
    const reviewed = await readLearnerData();
    expect(reviewed.cards.map((c) => [c.direction, c.reps])).toEqual([
      ['recognize', 1],
      ['produce', 0],
      ['cloze', 0],
    ]);
    expect(reviewed.log).toHaveLength(1);
    await removeTerm('焦作');
    expect(Object.keys(set.mock.calls[2]![0]).sort()).toEqual(['reviewCards', 'studyList']);
    await restore({ studyList: [saved('山药')], cards: cardsFor('山药', [], NOW), log: [], history: [] });
    expect(Object.keys(set.mock.calls[3]![0]).sort()).toEqual(['history', 'reviewCards', 'reviewLog', 'studyList']);
    expect(set).toHaveBeenCalledTimes(4);
  });

  it('does not write when a change changes nothing (a page without saved terms reports its sightings)', async () => {
    await saveTerm('焦作', NOW);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const report = {
      type: 'terms-found' as const,
      terms: [],
      page: { url: 'https://a.example/', title: 't' },
      sightings: [{ term: '山药', sentence: 's' }],
    };
    expect(await recordSightings(report, { topFrame: true, incognito: false }, NOW)).toBe(0);
    await saveTerm('焦作', NOW);
    expect(set).not.toHaveBeenCalled();
  });
});

describe('damaged and wrong-shaped values', () => {
  it('sets damaged items aside with the reason, keeps the good ones, and repairs the list once', async () => {
    const good = saved('焦作');
    await fakeBrowser.storage.local.set({ studyList: [good, { term: 42 }, 'garbage'] });
    const first = await loadData(NOW);
    expect(first.data.studyList).toEqual([good]);
    expect(first.setAsideNow).toBe(2);
    expect(first.recovered).toEqual([
      { key: 'studyList', at: NOW.toISOString(), value: { term: 42 }, reason: 'not a valid item' },
      { key: 'studyList', at: NOW.toISOString(), value: 'garbage', reason: 'not a valid item' },
    ]);
    const again = await loadData(NOW);
    expect(again.setAsideNow).toBe(0);
    expect(again.recovered).toHaveLength(2); // kept, not set aside twice
    expect((await local()).studyList).toEqual([good]);
  });

  it('reads a store where every key holds the wrong thing, loses none of it, and keeps working', async () => {
    const history = [
      { term: '焦作', url: 'https://a.example/', title: 't', at: NOW.toISOString(), sentence: '焦作。' },
    ];
    await fakeBrowser.storage.local.set({
      studyList: '[{"term": "焦作", "savedAt": "bad json',
      reviewCards: { not: 'a list' },
      reviewLog: 42,
      history: JSON.stringify(history), // a list stored as JSON text is read
      recovered: 'not a list either',
      dataVersion: 'one',
    });
    const { data, recovered } = await loadData(NOW);
    expect(data).toEqual({ studyList: [], cards: [], log: [], history });
    expect(recovered.map((r) => [r.key, r.value, r.reason])).toEqual([
      ['recovered', 'not a list either', 'not a list'],
      ['dataVersion', 'one', 'not a format number'],
      ['studyList', '[{"term": "焦作", "savedAt": "bad json', 'not a list'],
      ['reviewCards', { not: 'a list' }, 'not a list'],
      ['reviewLog', 42, 'not a list'],
    ]);
    await saveTerm('山药', NOW);
    const after = await loadData(NOW);
    expect(after.data.studyList).toEqual([saved('山药')]);
    expect(after.data.history).toEqual(history);
    expect(after.recovered).toHaveLength(5);
    expect(await local()).toMatchObject({ history, dataVersion: DATA_VERSION });
  });

  it('completes a change a browser applied only half-way', async () => {
    // The study list was written, its cards not: the term gets its cards.
    await fakeBrowser.storage.local.set({ studyList: [saved('焦作')] });
    expect((await readLearnerData()).cards.map((c) => `${c.term} ${c.direction}`)).toEqual([
      '焦作 recognize',
      '焦作 produce',
      '焦作 cloze',
    ]);
    // A removal took the term off the list but left its cards: they go with it.
    await fakeBrowser.storage.local.set({ studyList: [], reviewCards: cardsFor('焦作', [], NOW) });
    expect((await readLearnerData()).cards).toEqual([]);
  });

  it('survives a set that writes one key and then fails, losing nothing that was saved before', async () => {
    await saveTerm('焦作', NOW);
    const before = await readLearnerData();
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const halfSet = async (items: Record<string, unknown>) => {
      await realSet({ studyList: items.studyList }); // half of the change lands
      throw new Error('IO error: disk went away');
    };
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce(halfSet);
    await expect(saveTerm('山药', NOW)).rejects.toMatchObject({
      kind: 'failed',
      what: { action: 'save-term', term: '山药' },
      detail: 'IO error: disk went away',
    });
    const after = await readLearnerData();
    expect(after.studyList.map((s) => s.term)).toEqual(['焦作', '山药']);
    expect(after.cards.filter((c) => c.term === '焦作')).toEqual(before.cards); // review state untouched
    expect(after.cards.filter((c) => c.term === '山药')).toHaveLength(3); // the half-saved term is whole
  });

  it('uses defaults for damaged settings, and keeps settings a newer version added when saving', async () => {
    await fakeBrowser.storage.sync.set({ learningSettings: 'garbage' });
    expect(await learningSettings.read()).toEqual({
      historyEnabled: true,
      historyAllTerms: false,
      speakOnReveal: false,
      burySiblings: true,
    });
    await fakeBrowser.storage.sync.set({
      learningSettings: { historyEnabled: 'yes', speakOnReveal: true, fromTheFuture: 3 },
    });
    const settings = await learningSettings.read();
    expect(settings).toEqual({
      historyEnabled: true,
      historyAllTerms: false,
      speakOnReveal: true,
      burySiblings: true,
    });
    await learningSettings.update({ historyAllTerms: true });
    expect((await fakeBrowser.storage.sync.get('learningSettings')).learningSettings).toEqual({
      historyEnabled: true,
      historyAllTerms: true,
      speakOnReveal: true,
      burySiblings: true,
      fromTheFuture: 3,
    });
  });
});

describe('data from a newer version (after going back to an older extension)', () => {
  it('keeps all of it, reads what it understands, and tells', async () => {
    const newerTerm = { term: '焦作', savedAt: NOW.toISOString(), note: 'n', tags: ['future'] };
    const unknownShape = { id: 7, hanzi: '山药' };
    const newer = {
      studyList: [newerTerm, unknownShape],
      reviewLog: { compressed: 'xyz' },
      history: [],
      dataVersion: DATA_VERSION + 1,
    };
    await fakeBrowser.storage.local.set(newer);
    const loaded = await loadData(NOW);
    expect(loaded.newerVersion).toBe(DATA_VERSION + 1);
    expect(loaded.data.studyList).toEqual([newerTerm]);
    const reason = `written by a newer version of Policy Lens (data format ${DATA_VERSION + 1})`;
    expect(loaded.recovered).toEqual([
      { key: 'studyList', at: NOW.toISOString(), value: newer.studyList, reason },
      { key: 'reviewLog', at: NOW.toISOString(), value: newer.reviewLog, reason },
      { key: 'history', at: NOW.toISOString(), value: [], reason },
    ]);
    // Stored again in this version's format, so that the newer version upgrades it again (from its copy too).
    expect(await local()).toMatchObject({ dataVersion: DATA_VERSION, studyList: [newerTerm], reviewLog: [] });
    const again = await loadData(NOW);
    expect(again.newerVersion).toBeUndefined();
    expect(again.recovered).toHaveLength(3);
    await discardRecovered();
    expect((await loadData(NOW)).recovered).toEqual([]);
  });

  it('is kept whole even when the first change after going back touches one list', async () => {
    const newer = {
      studyList: [saved('焦作')],
      reviewLog: { compressed: 'xyz' },
      history: 'v2 history',
      dataVersion: DATA_VERSION + 1,
    };
    await fakeBrowser.storage.local.set(newer);
    await setNote('焦作', 'n');
    const { data, recovered } = await loadData(NOW);
    expect(data.studyList).toEqual([{ ...saved('焦作'), note: 'n' }]);
    expect(recovered.map((r) => [r.key, r.value])).toEqual([
      ['studyList', newer.studyList],
      ['reviewLog', newer.reviewLog],
      ['history', newer.history],
    ]);
    expect(await local()).toMatchObject({ dataVersion: DATA_VERSION, reviewLog: [], history: [] });
  });

  it('changes nothing when it cannot keep the newer data aside (storage full)', async () => {
    const newer = { studyList: [saved('焦作')], dataVersion: DATA_VERSION + 1 };
    await fakeBrowser.storage.local.set(newer);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const loaded = await loadData(NOW);
    expect(loaded.data.studyList).toEqual([saved('焦作')]); // shown as read
    expect(await local()).toEqual(newer); // and left as it was
  });
});

describe('a full quota', () => {
  it('refuses the change, naming it for the pages to word, keeps what was saved, and says so to every page', async () => {
    await saveTerm('焦作', NOW);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const failure = saveTerm('山药', NOW);
    await expect(failure).rejects.toBeInstanceOf(StorageFault);
    await expect(failure).rejects.toMatchObject({ kind: 'full' });
    await expect(failure).rejects.toMatchObject({
      what: { action: 'save-term', term: '山药' },
      detail: 'QUOTA_BYTES quota exceeded',
    });
    await expect(setNote('焦作', 'x')).rejects.toMatchObject({ kind: 'full', what: { action: 'note', term: '焦作' } });
    expect((await readLearnerData()).studyList).toEqual([saved('焦作')]);
    expect(await lastFault()).toMatchObject({
      kind: 'full',
      what: { action: 'note', term: '焦作' },
      detail: 'QUOTA_BYTES quota exceeded',
    });

    set.mockRestore();
    await saveTerm('山药', NOW);
    expect(await lastFault()).not.toBeNull(); // another change fitting in does not make the note
    await setNote('焦作', 'x');
    expect(await lastFault()).toBeNull(); // the failed change, made after all, clears it
  });

  it('in the background, drops the new sightings, not the page', async () => {
    await saveTerm('焦作', NOW);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const report = {
      type: 'terms-found' as const,
      terms: [],
      page: { url: 'https://a.example/', title: 't' },
      sightings: [{ term: '焦作', sentence: '焦作。' }],
    };
    await expect(recordSightings(report, { topFrame: true, incognito: false }, NOW)).rejects.toMatchObject({
      kind: 'full',
      what: { action: 'sightings' },
    });
    expect(await lastFault()).toMatchObject({ kind: 'full', what: { action: 'sightings' } });
  });

  it('of storage.sync refuses a setting, naming why (per-item and total quotas, write rate)', async () => {
    const settings = await learningSettings.read();
    const set = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await expect(learningSettings.update({ speakOnReveal: true })).rejects.toMatchObject({
      kind: 'full',
      what: { action: 'settings' },
    });
    set.mockRejectedValueOnce(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'));
    await expect(learningSettings.update({ speakOnReveal: true })).rejects.toMatchObject({
      kind: 'busy',
      what: { action: 'settings' },
    });
    expect(await learningSettings.read()).toEqual(settings);
  });
});

describe('an unreadable store', () => {
  it('reports it and writes nothing over what it could not read', async () => {
    await saveTerm('焦作', NOW);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('Corruption: block checksum mismatch'));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await expect(loadData()).rejects.toMatchObject({
      kind: 'unreadable',
      what: null,
      detail: 'Corruption: block checksum mismatch',
    });
    await expect(saveTerm('山药', NOW)).rejects.toMatchObject({ kind: 'unreadable' });
    expect(set).not.toHaveBeenCalled();
  });
});

describe('two contexts saving at once', () => {
  /** Every read answers a while after it looked, so that two read-modify-writes overlap unless serialised. */
  function slowReads() {
    const realGet = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    const slowGet = async (keys?: Parameters<typeof realGet>[0]) => {
      const snapshot = await realGet(keys);
      await sleep(5);
      return snapshot;
    };
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(slowGet);
  }

  /** The browser's lock manager as the Web Locks API defines it: one holder of a name at a time, in order. */
  function webLocks() {
    const tails = new Map<string, Promise<unknown>>();
    return {
      request(name: string, work: () => Promise<unknown>) {
        const run = (tails.get(name) ?? Promise.resolve()).then(work);
        tails.set(
          name,
          run.catch(() => undefined),
        );
        return run;
      },
    };
  }

  async function twoTabs() {
    await saveTerm('焦作', NOW);
    const [card] = (await readLearnerData()).cards;
    // One tab rates a card, the other saves two terms, all at once.
    await Promise.all([
      recordReview(card!, 3, NOW),
      saveTerm('山药', NOW),
      saveTerm('太极拳', NOW),
      setNote('焦作', 'note'),
    ]);
    return readLearnerData();
  }

  it('loses none of the writes: they take the extension-wide lock in turn', async () => {
    vi.stubGlobal('navigator', { locks: webLocks() });
    slowReads();
    const data = await twoTabs();
    expect(data.studyList.map((s) => [s.term, s.note])).toEqual([
      ['焦作', 'note'],
      ['山药', ''],
      ['太极拳', ''],
    ]);
    expect(data.log).toHaveLength(1);
    expect(data.cards.find((c) => c.term === '焦作' && c.direction === 'recognize')!.reps).toBe(1);
  });

  it('would lose writes without the lock (the interleaving above is real)', async () => {
    // A lock manager that lets everyone in at once stands for contexts that do not share a lock.
    vi.stubGlobal('navigator', { locks: { request: (_name: string, work: () => Promise<unknown>) => work() } });
    slowReads();
    const data = await twoTabs();
    expect(data.studyList.length + data.log.length).toBeLessThan(4);
  });

  it('in one context without Web Locks (Node), queues the changes', async () => {
    slowReads();
    await Promise.all(['一区五城', '山药', '太极拳', '云台山'].map((term) => saveTerm(term, NOW)));
    expect((await readLearnerData()).studyList).toHaveLength(4);
  });
});
