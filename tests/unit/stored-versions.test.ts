/**
 * An update from every earlier stored version keeps the study list, review state, history and settings. Each
 * fixture (fixtures/storage/v*.json) holds storage.local and storage.sync as that version wrote them, and what
 * the learner must find after the update. The test loads it, runs the background's start-up (the update's
 * onInstalled, which upgrades the stored data), and reads everything back through the extension's readers.
 *
 * A new stored version: add its fixture; a new kind of stored data: add its reader to READERS (and its
 * expectation to every fixture).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readDisabledSites } from '../../lib/disabled-sites';
import { readLearnerData, recordReview, saveTerm } from '../../lib/learning/actions';
import { loadData } from '../../lib/learning/store';
import { learningSettings, lensSettings } from '../../lib/settings';
import { startBackground } from './start-background';

interface Fixture {
  about: string;
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  expect: Record<string, unknown>;
}

/** How the learner's data is read now, by name of the fixture's expectations. */
const READERS: Record<string, () => Promise<unknown>> = {
  studyList: async () => (await readLearnerData()).studyList,
  cards: async () => (await readLearnerData()).cards,
  log: async () => (await readLearnerData()).log,
  history: async () => (await readLearnerData()).history,
  settings: () => learningSettings.read(),
  lensSettings: () => lensSettings.read(),
  // In storage.sync since 0.2 (0.1 kept it in storage.local): the background's start moves it.
  disabledSites: async () => (await readDisabledSites()).synced,
};

const folder = join(__dirname, 'fixtures', 'storage');
const fixtures = readdirSync(folder)
  .filter((name) => /^v\d+.*\.json$/.test(name))
  .map((name) => [name, JSON.parse(readFileSync(join(folder, name), 'utf8')) as Fixture] as const);

async function update(fixture: Fixture) {
  await fakeBrowser.storage.local.set(fixture.local);
  await fakeBrowser.storage.sync.set(fixture.sync);
  startBackground();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
  await startUpDone();
}

/** The background's start-up work runs unawaited (as in a browser): let it finish (fake storage needs no timers). */
const startUpDone = () => new Promise((resolve) => setTimeout(resolve, 0));

async function expectEverything(fixture: Fixture, name: string) {
  for (const [what, expected] of Object.entries(fixture.expect)) {
    expect(READERS[what], `${name}: no reader for "${what}"`).toBeDefined();
    expect(await READERS[what]!(), `${name}: ${what}`).toMatchObject(expected as object);
  }
}

describe('stored data of every earlier version', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has fixtures, each expecting every kind of data', () => {
    expect(fixtures.map(([name]) => name)).toContain('v1.json');
    for (const [name, fixture] of fixtures)
      expect(Object.keys(fixture.expect).sort(), name).toEqual(Object.keys(READERS).sort());
  });

  it.each(fixtures)('%s: everything survives the update, and nothing is set aside', async (name, fixture) => {
    await update(fixture);
    await expectEverything(fixture, name);
    expect((await loadData()).recovered, name).toEqual([]);
  });

  it.each(fixtures)(
    '%s: the extension keeps working on it, and a second start changes nothing',
    async (name, fixture) => {
      await update(fixture);
      await saveTerm('山药', new Date());
      const [card] = (await readLearnerData()).cards.filter((c) => c.term === '山药');
      await recordReview(card!, 3, new Date());
      const stored = await fakeBrowser.storage.local.get(null);
      await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
      await startUpDone();
      expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);
      // The fixture's own data, with the new term and review added after it.
      const data = await readLearnerData();
      const expected = fixture.expect as { studyList: unknown[]; cards: unknown[]; log: unknown[] };
      expect(data.studyList.slice(0, -1)).toMatchObject(expected.studyList);
      expect(data.cards.slice(0, -3)).toMatchObject(expected.cards);
      expect(data.cards.slice(-3).map((c) => [c.term, c.reps])).toEqual([
        ['山药', 1],
        ['山药', 0],
        ['山药', 0],
      ]);
      expect(data.log.slice(0, -1)).toMatchObject(expected.log);
      const { history, settings, lensSettings, disabledSites } = fixture.expect;
      await expectEverything({ ...fixture, expect: { history, settings, lensSettings, disabledSites } }, name);
    },
  );
});
