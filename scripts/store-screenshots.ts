/**
 * npm run store:screenshots: the store listings' screenshots (1280×800, the size both stores take), in English
 * and in Chinese, of the built extension (.output/chrome-mv3; run `npm run build` first) at work in Chromium:
 * the popover on a news page, the popup over it, the glossary page, the source reader, the Learn page.
 * Writes store/screenshots/<language>/<n>-<name>.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { GlossaryData } from '../lib/glossary-types';
import { GLOSSARY_JSON, launchExtension, type ExtensionHarness } from '../tests/browser/harness';
import { popoverText } from '../tests/browser/card-tools';
import { highlightedTexts, textCentreInPage } from '../tests/browser/page-tools';
import { openPopupOver } from '../tests/browser/popup-tools';

const ROOT = join(import.meta.dirname, '..');
const SIZE = { width: 1280, height: 800 };
const LANGUAGES = { en: 'en-US', zh_CN: 'zh-CN' } as const;
const DEMO_DOCUMENT = '004';
const HOVERED_TERM = '文旅融合示范城市';

const glossary = JSON.parse(readFileSync(GLOSSARY_JSON, 'utf8')) as GlossaryData;

/** A plain news page holding one of the glossary's source articles, as a reader would meet it on the web. */
function demoPage(): string {
  const doc = glossary.documents.find((d) => d.id === DEMO_DOCUMENT)!;
  const text = (ids: string[]) => ids.map((id) => escapeHtml(glossary.sentences[id]!)).join('');
  const paragraphs = doc.paragraphs
    .slice(2, 14)
    .map((p) => (p.kind === 'heading' ? `<h2>${text(p.sentences)}</h2>` : `<p>${text(p.sentences)}</p>`))
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.headline)}</title>
<style>
  body { margin: 0; font: 18px/1.9 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; color: #222; background: #f4f1ea; }
  .masthead { background: #8b1d1d; color: #fff; padding: 14px 0; font: 600 22px 'Noto Sans CJK SC', sans-serif; letter-spacing: 2px; }
  .masthead div, main { max-width: 760px; margin: 0 auto; }
  main { background: #fff; padding: 28px 48px 40px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.12); }
  h1 { font-size: 30px; line-height: 1.4; margin: 0 0 6px; }
  .sub { color: #555; margin: 0 0 18px; }
  h2 { font-size: 21px; margin: 22px 0 4px; }
  p { text-indent: 2em; margin: 0 0 12px; }
</style></head><body>
<div class="masthead"><div>焦作日报 · 要闻</div></div>
<main><h1>${escapeHtml(doc.headline)}</h1><p class="sub">${escapeHtml(doc.subheadline ?? '')}</p>
${paragraphs}</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Waits until `check` holds (asked every 100 ms), for at most 20 s. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 20_000; !(await check());) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Points the mouse at the first occurrence of `term` in the page's text. */
async function hover(page: Page, term: string): Promise<void> {
  const point = await page.evaluate(textCentreInPage, ['body', term] as const);
  await page.mouse.move(point.x, point.y);
  await until(async () => ((await popoverText(page)) ?? '').includes(term));
  await page.waitForTimeout(300);
}

/** The popup (a separate window here) laid over the page it was opened on, where a toolbar popup would drop down. */
async function popupOverPage(h: ExtensionHarness, pageShot: Buffer, popupShot: Buffer, file: string): Promise<void> {
  const canvas = await h.context.newPage();
  await canvas.setViewportSize(SIZE);
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await canvas.setContent(`<body style="margin:0">
    <img src="${src(pageShot)}" style="position:absolute;inset:0">
    <img src="${src(popupShot)}" style="position:absolute;top:8px;right:24px;border-radius:8px;box-shadow:0 8px 28px rgb(0 0 0 / 0.35)">`);
  await canvas.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
  await canvas.screenshot({ path: file });
  await canvas.close();
}

async function shoot(language: keyof typeof LANGUAGES, fixturesDir: string): Promise<void> {
  const outDir = join(ROOT, 'store/screenshots', language);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const h = await launchExtension({ language: LANGUAGES[language], fixturesDir });
  try {
    // 1. The popover on a news page.
    const page = await h.openPage('/demo.html');
    await page.setViewportSize(SIZE);
    await until(async () => (await highlightedTexts(page)).length > 10);
    await hover(page, HOVERED_TERM);
    await page.screenshot({ path: join(outDir, '1-popover.png') });

    // 2. The popup over the same page: the terms found there.
    await page.mouse.move(5, 5);
    const pageShot = await page.screenshot();
    const popup = await openPopupOver(h, page);
    await popup.waitForSelector('[role=option]');
    await popupOverPage(h, pageShot, await popup.screenshot(), join(outDir, '2-popup.png'));
    await popup.close();

    // 3. The glossary page with an entry open.
    const glossaryPage = await h.openExtensionPage('glossary.html#term=一区五城');
    await glossaryPage.setViewportSize(SIZE);
    await glossaryPage.waitForSelector('.entry-panel .entry-card');
    await glossaryPage.waitForTimeout(300);
    await glossaryPage.screenshot({ path: join(outDir, '3-glossary.png') });

    // 4. A source article in the reader, a term explained.
    await glossaryPage.goto(`${h.extensionOrigin}/glossary.html#source=001`);
    await until(async () => (await highlightedTexts(glossaryPage)).length > 10);
    await hover(glossaryPage, '25311');
    await glossaryPage.screenshot({ path: join(outDir, '4-reader.png') });

    // 5. Review on the Learn page, with a few saved terms.
    const learn = await h.openExtensionPage('learn.html#list');
    await learn.setViewportSize(SIZE);
    for (const term of ['一区五城', '25311', '三区一极', '焦作高新区']) {
      await learn.locator('#add-term').fill(term);
      await learn.locator('form.add button[type=submit]').click();
    }
    await learn.locator('#tab-review').click();
    await learn.waitForSelector('.review-card');
    await learn.keyboard.press(' ');
    await learn.waitForSelector('.answer');
    await learn.screenshot({ path: join(outDir, '5-learn.png') });
  } finally {
    await h.close();
  }
  console.log(`store/screenshots/${language}/: 5 screenshots`);
}

const fixturesDir = mkdtempSync(join(tmpdir(), 'jpl-store-'));
writeFileSync(join(fixturesDir, 'demo.html'), demoPage());
try {
  for (const language of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) await shoot(language, fixturesDir);
} finally {
  rmSync(fixturesDir, { recursive: true, force: true });
}
