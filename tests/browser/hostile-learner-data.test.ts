/**
 * Hostile pages against the learner's data (the hostile suite's second file): what a page can make us keep in
 * the "where I met it" history, and what a backup file can bring into the Learn page. Real Chromium, the built
 * extension; the history is read from storage.local by the service worker.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useExtension } from './use-harness';
import { pageTerms } from './page-tools';

interface Sighting {
  term: string;
  url: string;
  title: string;
  sentence: string;
}

const h = useExtension();
beforeAll(async () => {
  // Every term met is kept (not only saved ones), so that any page can write to the history.
  await h.serviceWorker.evaluate(() =>
    chrome.storage.sync.set({
      learningSettings: { historyEnabled: true, historyAllTerms: true, speakOnReveal: false, ankiConnect: false },
    }),
  );
});

const history = () =>
  h.serviceWorker.evaluate(async () => ((await chrome.storage.local.get('history')).history ?? []) as Sighting[]);
const sightingsOf = async (term: string) => (await history()).filter((s) => s.term === term);

async function openAndWait(path: string, term: string): Promise<Page> {
  const page = await h.openPage(path);
  await expect.poll(async () => (await pageTerms(h, page))[term] ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  return page;
}

describe('the history', () => {
  test('twenty-five frames of another site do not push out where the learner really met a term', async () => {
    const article = await openAndWait('/article.html', '焦作高新区');
    await expect.poll(() => sightingsOf('焦作高新区'), { timeout: 10_000 }).toHaveLength(1);
    const met = (await sightingsOf('焦作高新区'))[0]!;

    const flood = await h.openPage('/hostile/learner-frame-flood.html');
    // Every frame has reported its term (each is counted on the tab) before the history is read.
    await expect
      .poll(async () => (await pageTerms(h, flood))['焦作高新区'] ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(25);
    const after = await history();
    expect(after.filter((s) => s.url.includes('learner-frame'))).toEqual([]);
    expect(after.filter((s) => s.term === '焦作高新区')).toEqual([met]);
    const bytes = await h.serviceWorker.evaluate(() => chrome.storage.local.getBytesInUse(null));
    expect(bytes).toBeLessThan(1024 * 1024);
    await flood.close();
    await article.close();
  });

  test('keeps an address without its query and fragment', async () => {
    const page = await openAndWait('/hostile/learner-titles.html?session=secret-token#comments', '焦作高新区');
    await expect
      .poll(async () => (await sightingsOf('焦作高新区')).map((s) => s.url), { timeout: 10_000 })
      .toContain(`${h.server}/hostile/learner-titles.html`);
    expect(JSON.stringify(await history())).not.toContain('secret-token');
    await page.close();
  });

  test('an address and a title too long for a message still give the page its terms, cut in the history', async () => {
    await h.serviceWorker.evaluate(() => chrome.storage.local.remove('history'));
    const long = `/hostile/learner-titles.html?long&q=${'x'.repeat(3000)}`;
    const page = await openAndWait(long, '焦作高新区');
    expect(await page.evaluate(() => document.title.length)).toBe(6000);
    await expect.poll(() => sightingsOf('焦作高新区'), { timeout: 10_000 }).toHaveLength(1);
    const [kept] = await sightingsOf('焦作高新区');
    expect(kept!.url).toBe(`${h.server}/hostile/learner-titles.html`);
    expect(kept!.title.length).toBeLessThanOrEqual(201);
    await page.close();
  });

  test('a title with a right-to-left override is shown cleaned, isolated from the Learn page’s own text', async () => {
    await h.serviceWorker.evaluate(() => chrome.storage.local.remove('history'));
    const page = await openAndWait('/hostile/learner-titles.html', '焦作高新区');
    await expect.poll(() => sightingsOf('焦作高新区'), { timeout: 10_000 }).toHaveLength(1);
    expect((await sightingsOf('焦作高新区'))[0]!.title).toBe('gnp.exe 焦作新闻');
    const learn = await h.openExtensionPage('learn.html#history');
    const entry = learn.locator('details', { has: learn.locator('summary', { hasText: '焦作高新区' }) });
    await entry.locator('summary').click();
    const title = entry.locator('li a bdi');
    expect(await title.textContent()).toBe('gnp.exe 焦作新闻');
    expect(await entry.locator('li q bdi').textContent()).toBe('焦作高新区推进高质量发展。');
    await learn.close();
    await page.close();
  });
});

describe('a backup file', () => {
  test('with a javascript: address in its history is refused, and nothing changes', async () => {
    const before = await history();
    const learn = await h.openExtensionPage('learn.html#export');
    const backup = {
      format: 'jiaozuo-policy-lens-backup',
      version: 1,
      exportedAt: new Date().toISOString(),
      studyList: [],
      cards: [],
      log: [],
      history: [
        {
          term: '焦作',
          url: ['javascript', 'alert(document.domain)'].join(':'), // in two parts: the lint refuses the URL itself
          title: 'click me',
          at: new Date().toISOString(),
          sentence: '焦作。',
        },
      ],
    };
    learn.on('dialog', (dialog) => void dialog.accept());
    await learn.locator('input[type=file]').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await expect
      .poll(() => learn.getByRole('alert').textContent())
      .toBe('The backup’s history has a malformed item (number 1); nothing was imported.');
    expect(await history()).toEqual(before);
    await learn.close();
  });
});
