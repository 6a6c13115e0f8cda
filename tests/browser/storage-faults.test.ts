/**
 * Storage faults as the learner meets them in the built extension: a really full storage.local (Chromium's
 * 10 MB quota), damaged stored data, and data from a newer version. Each is told on the Learn page in plain
 * words, nothing saved is lost, and the extension keeps working.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { GLOSSARY_JSON } from './harness';
import { useExtension } from './use-harness';
import { highlightedTexts, pointOf } from './page-tools';
import { cardButtons, clickInCard, popoverText } from './card-tools';

/** chrome.storage.local's quota without the unlimitedStorage permission. */
const QUOTA_BYTES = 10 * 1024 * 1024;

/** Runs in an extension page: chrome.storage.local as the extension sees it. */
function local(page: Page) {
  return {
    set: (items: Record<string, unknown>) => page.evaluate((i) => chrome.storage.local.set(i), items),
    remove: (key: string) => page.evaluate((k) => chrome.storage.local.remove(k), key),
    get: () => page.evaluate(() => chrome.storage.local.get(null)),
    clear: () => page.evaluate(() => chrome.storage.local.clear()),
  };
}

describe('storage faults, told to the learner', () => {
  const h = useExtension();

  test('a full storage refuses a save with a plain notice, from the Learn page and the popover, and recovers', async () => {
    const learn = await h.openExtensionPage('learn.html#list');
    const storage = local(learn);
    await learn.getByLabel('Add a term').fill('一区五城');
    await learn.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => learn.locator('.study-list tbody tr').count()).toBe(1);

    // Fill the quota to within a few hundred bytes: the next save cannot fit.
    const used = await learn.evaluate(() => chrome.storage.local.getBytesInUse(null));
    await storage.set({ filler: 'x'.repeat(QUOTA_BYTES - used - 400) });
    await learn.getByLabel('Add a term').fill('三区一极');
    await learn.getByRole('button', { name: 'Add', exact: true }).click();
    const notice = learn.getByRole('alert').filter({ hasText: 'Storage is full' }).first();
    await expect
      .poll(() => notice.textContent(), { timeout: 5000 })
      .toContain(
        'Storage is full: 三区一极 was not added to your study list. Export everything (Export and backup) to keep a copy, then erase the “where I met them” history to make room.',
      );
    await expect.poll(() => learn.locator('.study-list tbody tr').count()).toBe(1); // the saved term is still there
    await learn.screenshot({ path: '/tmp/jpl-storage-full.png', fullPage: true });

    // The popover's star on a web page: the save is refused, the star stays off, and the Learn page says why.
    const article = await h.openPage('/article.html');
    await expect.poll(() => highlightedTexts(article), { timeout: 10_000 }).toContain('焦作高新区');
    const point = await pointOf(article, '#zone', '焦作高新区');
    await article.mouse.move(point.x, point.y);
    await expect
      .poll(async () => (await popoverText(article)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    await clickInCard(article, 'Save 焦作高新区 to your study list');
    await expect
      .poll(() => learn.getByRole('alert').allTextContents(), { timeout: 5000 })
      .toContainEqual(expect.stringContaining('Storage is full: 焦作高新区 was not added to your study list.'));
    expect(await cardButtons(article)).toContain('Save 焦作高新区 to your study list');
    // …and the popup says it too.
    await article.bringToFront();
    const popup = await h.openPopup();
    await expect
      .poll(() => popup.locator('.storage-fault').textContent(), { timeout: 5000 })
      .toContain('Storage is full: 焦作高新区 was not added to your study list.');
    await popup.screenshot({ path: '/tmp/jpl-popup-storage-full.png' });
    await popup.close();
    await article.close();

    // Room again: the save goes through and its notice goes away; the popover's stays (that term is still not
    // saved) until the learner dismisses it.
    await storage.remove('filler');
    await learn.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => learn.locator('.study-list tbody tr').count()).toBe(2);
    await expect
      .poll(() => learn.getByRole('alert').allTextContents())
      .toEqual([expect.stringContaining('Storage is full: 焦作高新区 was not added')]);
    await learn.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => learn.getByRole('alert').count()).toBe(0);
    await learn.close();
    expect(h.extensionErrors).toEqual([]);
  });

  /** Saved terms already there: a long list makes each read-modify-write take a while, as on a well-used profile. */
  const EARLIER = 500;

  test('the Learn page and the background saving at once lose nothing (they share the Web Locks lock)', async () => {
    const learn = await h.openExtensionPage('learn.html#list');
    await local(learn).clear();
    const at = new Date().toISOString();
    const earlier = Array.from({ length: EARLIER }, (_, i) => ({ term: `earlier ${i}`, savedAt: at, note: '' }));
    const earlierCards = earlier.flatMap(({ term }) =>
      ['recognize', 'produce', 'cloze'].map((direction) => ({
        term,
        direction,
        due: at,
        stability: 0,
        difficulty: 0,
        elapsed_days: 0,
        scheduled_days: 0,
        learning_steps: 0,
        reps: 0,
        lapses: 0,
        state: 0,
      })),
    );
    await local(learn).set({ studyList: earlier, reviewCards: earlierCards });
    await learn.goto(learn.url().replace('#list', '#review'));
    const glossary = JSON.parse(readFileSync(GLOSSARY_JSON, 'utf8')) as { entries: { term: string }[] };
    const terms = glossary.entries.map((e) => e.term).slice(0, 40);
    const byPage = terms.filter((_, i) => i % 2 === 0);
    const byBackground = terms.filter((_, i) => i % 2 === 1);
    // The background saves twenty terms (as from the popover's star), one every 20 ms, while the learner adds
    // twenty others on the Learn page: each is a read-modify-write of the same two lists, in two contexts.
    await learn.evaluate((fromBackground) => {
      const saves = fromBackground.map((term, i) =>
        new Promise((resolve) => setTimeout(resolve, i * 20)).then(() =>
          chrome.runtime.sendMessage({ type: 'save-term', term, save: true }),
        ),
      );
      (window as unknown as { backgroundSaves: Promise<unknown> }).backgroundSaves = Promise.all(saves);
    }, byBackground);
    await learn.getByRole('tab', { name: /Study list/ }).click();
    for (const term of byPage) {
      await learn.getByLabel('Add a term').fill(term);
      await learn.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await learn.evaluate(() => (window as unknown as { backgroundSaves: Promise<unknown> }).backgroundSaves);
    await expect.poll(() => learn.locator('.study-list tbody tr').count(), { timeout: 10_000 }).toBe(EARLIER + 40);
    const stored = (await local(learn).get()) as { studyList: { term: string }[]; reviewCards: unknown[] };
    expect(
      stored.studyList
        .slice(EARLIER)
        .map((s) => s.term)
        .sort(),
    ).toEqual([...terms].sort());
    expect(stored.reviewCards).toHaveLength(3 * (EARLIER + 40));
    expect(h.extensionErrors).toEqual([]);
  });

  test('damaged data and data from a newer version are set aside, said, and offered for download', async () => {
    const learn = await h.openExtensionPage('learn.html#list');
    const storage = local(learn);
    await storage.clear();
    const good = { term: '焦作', savedAt: '2026-01-05T08:00:00.000Z', note: 'kept' };
    await storage.set({ studyList: [good, { term: 42 }], reviewLog: 'garbage' });
    await learn.reload();
    const notice = learn.locator('.notice.recovered');
    await expect
      .poll(() => notice.textContent(), { timeout: 5000 })
      .toContain('2 stored items could not be read and were set aside; everything else loaded.');
    expect(await notice.textContent()).toContain('kept in the extension’s storage under “recovered”');
    await expect.poll(() => learn.locator('.study-list tbody tr').count()).toBe(1);
    await learn.screenshot({ path: '/tmp/jpl-set-aside.png', fullPage: true });

    const [download] = await Promise.all([
      learn.waitForEvent('download'),
      notice.getByRole('button', { name: 'Download it (.json)' }).click(),
    ]);
    const copy = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      items: { key: string; value: unknown }[];
    };
    expect(copy.items.map((item) => [item.key, item.value])).toEqual([
      ['studyList', { term: 42 }],
      ['reviewLog', 'garbage'],
    ]);

    // A newer version's data: read what this version understands, keep the rest, say so.
    await storage.clear();
    await storage.set({ studyList: [{ ...good, tags: ['from the future'] }], dataVersion: 99 });
    await learn.reload();
    await expect
      .poll(() => notice.textContent(), { timeout: 5000 })
      .toContain('Your saved data was written by a newer version of Policy Lens.');
    await expect.poll(() => learn.locator('.study-list').textContent()).toContain('焦作');
    const stored = await storage.get();
    expect(stored.dataVersion).toBe(2); // this version's (DATA_VERSION, lib/learning/store.ts)
    expect(stored.recovered).toEqual([
      expect.objectContaining({ key: 'studyList', value: [{ ...good, tags: ['from the future'] }] }),
    ]);

    learn.once('dialog', (dialog) => void dialog.accept());
    await notice.getByRole('button', { name: 'Delete it' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(h.extensionErrors).toEqual([]);
  });
});
