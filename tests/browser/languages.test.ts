/**
 * The UI in the browser's language: Chromium started with --lang=zh-CN shows the popup, the popover on a web
 * page, the glossary page, the source reader, the Learn page and the options page in Chinese, and with
 * --lang=en-US in English; no message is missing in either. Every page is also photographed in light and
 * dark themes, to look at (test-results/screens/, gitignored; JPL_SCREENSHOT_DIR overrides).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useExtension } from './use-harness';
import { pageTerms, pointOf } from './page-tools';
import { clickInCard, inCard, popoverText } from './card-tools';
import { openPopupOver } from './popup-tools';

const SHOTS = process.env.JPL_SCREENSHOT_DIR || join(import.meta.dirname, '../../test-results/screens');

/** Both themes of what `page` shows now, as `<name>-<language>-<theme>.png`. */
async function photograph(page: Page, name: string, language: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SHOTS, `${name}-${language}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** What each language must show; the same checks run for both. */
const EXPECTED = {
  'zh-CN': {
    title: '焦作政策词汇助读',
    summary: /^\d+ 个词条，出自 5 篇原文$/,
    onThisPage: '本页词条',
    siteSwitch: '在 127.0.0.1 上高亮',
    results: /^\d+ 个结果$/,
    copy: '复制（C）',
    more: '更多',
    contextPosition: /第 1 个例句，共 \d+ 个/,
    glossaryHeading: '焦作政策词汇表',
    firstCategory: '口号',
    readerHint: '将鼠标指向高亮的词条即可查看释义。',
    learnTitle: '学习 — 焦作政策词汇助读',
    listTab: '生词本（1）',
    reviewStats: /待复习 \d+ · 今日已复习 0 · 连续 0 天 · 生词 1/,
    optionsIntro: /^词汇表共收录 \d+ 个词条/,
    dictionaryCredit: /^词汇表以外的词语由 CC-CEDICT 解释.*依照知识共享 署名-相同方式共享 4\.0 许可协议使用/,
    setAside: '有 1 项存储数据无法读取，已单独保留；其余数据均已加载。',
    storageFull: '存储空间已满：“三区一极”未能加入生词本。请先导出全部数据',
    dismiss: '知道了',
  },
  'en-US': {
    title: 'Jiaozuo Policy Lens',
    summary: /^\d+ terms from 5 source articles$/,
    onThisPage: 'On this page',
    siteSwitch: 'Highlight on 127.0.0.1',
    results: /^\d+ results$/,
    copy: 'Copy (C)',
    more: 'More',
    contextPosition: /1 of \d+ contexts/,
    glossaryHeading: 'Glossary',
    firstCategory: 'Slogans',
    readerHint: 'Point at a highlighted term to see what it means.',
    learnTitle: 'Learn — Jiaozuo Policy Lens',
    listTab: 'Study list (1)',
    reviewStats: /\d+ due · 0 reviewed today · streak 0 days · 1 saved/,
    optionsIntro: /^The glossary holds \d+ terms/,
    dictionaryCredit:
      /^Words outside the glossary are explained by CC-CEDICT.*Creative Commons Attribution-ShareAlike 4\.0 licence/,
    setAside: '1 stored item could not be read and was set aside; everything else loaded.',
    storageFull: 'Storage is full: 三区一极 was not added to your study list. Export everything',
    dismiss: 'Dismiss',
  },
} as const;

describe.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('the UI with the browser in %s', (language) => {
  const expected = EXPECTED[language];
  const lang = language === 'zh-CN' ? 'zh-CN' : 'en';
  const h = useExtension({ language });
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });
  // Registered after useExtension's hooks, so it runs before the browser closes.
  afterAll(() => {
    // A key missing from the messages file is logged by @wxt-dev/i18n as a warning, not an error.
    expect(h.consoleMessages.filter((m) => m.text.includes('[i18n]')).map((m) => m.text)).toEqual([]);
    expect(h.extensionErrors).toEqual([]);
  });

  test('popup', async () => {
    const page = await h.openPage('/article.html');
    await expect.poll(async () => Object.keys(await pageTerms(h, page)), { timeout: 10_000 }).toContain('焦作高新区');
    const popup = await openPopupOver(h, page);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await popup.title()).toBe(expected.title);
    expect((await popup.locator('h1').textContent())?.startsWith(expected.title)).toBe(true);
    expect((await popup.locator('.summary').textContent())?.trim()).toMatch(expected.summary);
    await expect.poll(() => popup.locator('#popup-list-title').textContent()).toBe(expected.onThisPage);
    await expect.poll(() => popup.locator('.switch-label').textContent()).toBe(expected.siteSwitch);
    await popup.waitForSelector('[role=option]');
    await photograph(popup, 'popup-page', language);

    await popup.locator('#popup-search').fill('jiaozuo');
    await expect.poll(() => popup.locator('#popup-list-title').textContent()).toMatch(expected.results);
    await photograph(popup, 'popup-results', language);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.entry-card');
    await photograph(popup, 'popup-detail', language);
    await popup.close();
    await page.close();
  });

  test('popover on a web page', async () => {
    const page = await h.openPage('/article.html');
    await expect.poll(async () => Object.keys(await pageTerms(h, page)), { timeout: 10_000 }).toContain('焦作高新区');
    const point = await pointOf(page, '#zone', '焦作高新区');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toContain('Jiaozuo High-tech Zone');
    const shown = (await inCard(page, (root) => {
      const panel = root.querySelector('.panel')!;
      const titles = [...panel.querySelectorAll('button[title]')].map((button) => button.getAttribute('title'));
      return { lang: panel.getAttribute('lang'), titles, text: panel.textContent ?? '' };
    }))!;
    expect(shown.lang).toBe(lang);
    expect(shown.titles).toContain(expected.copy);
    await photograph(page, 'popover', language);
    // More: the source sentences, one of so many.
    await clickInCard(page, expected.more);
    await expect.poll(async () => (await popoverText(page)) ?? '').toMatch(expected.contextPosition);
    await photograph(page, 'popover-more', language);
    await page.close();
  });

  test('glossary page and source reader', async () => {
    const page = await h.openExtensionPage('glossary.html');
    await page.waitForSelector('h1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.locator('h1').textContent()).toMatch(new RegExp(`^${expected.glossaryHeading}`));
    expect(
      (await page.locator('.category-index button').first().textContent())?.startsWith(expected.firstCategory),
    ).toBe(true);
    await photograph(page, 'glossary', language);
    await page.locator('.entry-toggle').first().click();
    await page.waitForSelector('.entry-panel .entry-card');
    await photograph(page, 'glossary-entry', language);

    await page.goto(`${h.extensionOrigin}/glossary.html#source=000`);
    await expect.poll(() => page.locator('.reader-controls .muted').textContent()).toBe(expected.readerHint);
    // The lens highlights the source's terms, not the page's own words (in Chinese its name holds 焦作).
    const highlighted = () =>
      page.evaluate(() =>
        [...CSS.highlights.values()].flatMap((highlight) =>
          ([...highlight] as AbstractRange[]).map((range) =>
            range.startContainer.parentElement?.closest('#reader-headline')
              ? 'headline'
              : range.startContainer.parentElement?.closest('.page-header, .reader-controls')
                ? 'page UI'
                : 'text',
          ),
        ),
      );
    // Once the headline, just below the page's header, is highlighted, the header has been read too.
    await expect.poll(highlighted).toContain('headline');
    expect(await highlighted()).not.toContain('page UI');
    await photograph(page, 'reader', language);
    await page.close();
  });

  test('Learn page', async () => {
    const page = await h.openExtensionPage('learn.html#list');
    await page.waitForSelector('#add-term');
    expect(await page.title()).toBe(expected.learnTitle);
    await page.locator('#add-term').fill('一区五城');
    await page.locator('form.add button[type=submit]').click();
    await expect.poll(() => page.locator('#tab-list').textContent()).toBe(expected.listTab);
    await photograph(page, 'learn-list', language);
    await page.locator('#tab-review').click();
    await expect
      .poll(async () => (await page.locator('.stats p').first().textContent()) ?? '')
      .toMatch(expected.reviewStats);
    await photograph(page, 'learn-review', language);
    await page.locator('#tab-export').click();
    await photograph(page, 'learn-export', language);
    await page.close();
  });

  test('storage notices on the Learn page', async () => {
    const page = await h.openExtensionPage('learn.html#list');
    await page.waitForSelector('#add-term');
    // A damaged list, and a save refused for want of room (as store.ts notes it for every page).
    await page.evaluate(async () => {
      await chrome.storage.local.set({ reviewLog: 'garbage' });
      const fault = {
        kind: 'full',
        what: { action: 'save-term', term: '三区一极' },
        detail: 'QUOTA_BYTES quota exceeded',
        at: new Date().toISOString(),
      };
      await chrome.storage.session.set({ storageFault: fault });
    });
    await page.reload();
    await expect
      .poll(() => page.locator('.notice.recovered').textContent(), { timeout: 5000 })
      .toContain(expected.setAside);
    const full = page.getByRole('alert').filter({ hasText: expected.storageFull });
    await expect.poll(() => full.count()).toBe(1);
    await photograph(page, 'learn-notices', language);
    await full.getByRole('button', { name: expected.dismiss }).click();
    await expect.poll(() => full.count()).toBe(0);
    await page.evaluate(() => chrome.storage.local.remove(['reviewLog', 'recovered']));
    await page.close();
  });

  test('options page', async () => {
    const page = await h.openOptions();
    await page.waitForSelector('h1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    // The settings come first; the glossary's introduction and the dictionary's credit are in the About section.
    const about = await page.locator('section[aria-labelledby="about"] p').allTextContents();
    expect(about.map((text) => text.trim())).toEqual(
      expect.arrayContaining([
        expect.stringMatching(expected.optionsIntro),
        expect.stringMatching(expected.dictionaryCredit),
      ]),
    );
    await photograph(page, 'options', language);
    await page.close();
  });
});
