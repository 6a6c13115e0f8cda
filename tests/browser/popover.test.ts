/**
 * The card as a reading aid (issue 16), on a news site's layout at 1280×800 (fixtures/news-layout.html): a first
 * view that stays small with its actions in view wherever the term is; a card that opens when the pointer rests,
 * not when it passes; the explained term marked on the page, touching terms told apart; the keyboard; the theme
 * from the page, with every text's contrast measured; links with the click trigger; Reveal clear of the sticky
 * header; Speak without a Chinese voice. Screenshots of each state go to test-results/screens/ to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { inCard, popoverText } from './card-tools';
import { type ExtensionHarness } from './harness';
import { useExtension } from './use-harness';
import { highlightedTexts, pointOf, tabIdOf } from './page-tools';
import { focusedOccurrence } from './popup-tools';

const SHOTS = process.env.JPL_SCREENSHOT_DIR || join(import.meta.dirname, '../../test-results/screens');
/** The first view's height at the default text size (issue 16). */
const FIRST_VIEW_MAX_PX = 220;
/** The default hover delay (lib/settings.ts). */
const HOVER_DELAY_MS = 120;

describe('the card as a reading aid', () => {
  const h = useExtension({ showScrollbars: true });
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });
  // Each test starts from the defaults (a card's More, for one, changes the settings).
  beforeEach(async () => {
    await h.serviceWorker.evaluate(() => chrome.storage.sync.remove('lensSettings'));
  });

  test('a compact first view with every action in view, for terms at the top, middle and bottom of the view', async () => {
    const page = await openNews(h);
    const terms = await termsAcrossView(page);
    const heights: number[] = [];
    for (const [i, term] of terms.entries()) {
      await hoverAt(page, term);
      const card = (await inCard(page, cardGeometry))!;
      heights.push(card.height);
      expect(card.height, term.text).toBeLessThanOrEqual(FIRST_VIEW_MAX_PX);
      expect(card.fontSize).toBe('14px');
      expect(card.expanded).toBe(false);
      // Save, speak, copy, open in the glossary, More: all there, all on screen.
      expect(card.actions.map((action) => action.label)).toEqual([
        `Save ${term.text} to your study list`,
        expect.stringMatching(new RegExp(`^Speak ${term.text}`)),
        `Copy ${term.text}`,
        `Open ${term.text} in the glossary`,
        'More',
      ]);
      for (const action of card.actions) expectOnScreen(action, `${term.text}: ${action.label}`);
      if (i === 0) await page.screenshot({ path: join(SHOTS, 'card-first-view.png') });
      await closeCard(page);
    }
    console.log(`first view heights (px): ${heights.map(Math.round).join(', ')}`);
    await page.close();
  });

  test('More opens the rest in the same card, which scrolls with a visible scrollbar; the choice is remembered', async () => {
    const page = await openNews(h);
    const terms = await termsAcrossView(page);
    for (const [i, term] of terms.entries()) {
      await hoverAt(page, term);
      // The first opens compact; after More, the next ones open as the reader left the last.
      expect((await inCard(page, cardGeometry))!.expanded).toBe(i > 0);
      if (i === 0) await clickCardButton(page, 'More');
      await expect.poll(async () => (await inCard(page, cardGeometry))?.expanded).toBe(true);
      const card = (await inCard(page, cardGeometry))!;
      // The whole explanation, the breakdown or source sentence with its document, and where it was used.
      expect(card.text).toMatch(/Used (in )?\d{4}/);
      expect(card.hasContext).toBe(true);
      for (const action of card.actions) expectOnScreen(action, `${term.text} expanded: ${action.label}`);
      expectOnScreen(card.box, `${term.text} expanded: the card`);
      if (card.body.scrollHeight > card.body.clientHeight) expect(card.body.scrollbarWidth).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, `card-more-${term.where}.png`) });
      await closeCard(page);
    }
    // Remembered in the settings (every tab's next card), until the reader chooses Less.
    const stored = () => storedLensSettings(h);
    await expect.poll(async () => (await stored()).cardView).toBe('full');
    await hoverAt(page, terms[0]!);
    await clickCardButton(page, 'Less');
    await expect.poll(async () => (await stored()).cardView).toBe('compact');
    await closeCard(page);
    await hoverAt(page, terms[1]!);
    expect((await inCard(page, cardGeometry))!.expanded).toBe(false);
    await closeCard(page);
    await page.close();
  });

  test('a pointer sweeping across a line opens no card; one that rests on a term opens it', async () => {
    const page = await openNews(h);
    const line = (await page.locator('#touching').boundingBox())!;
    const y = line.y + 14;
    await page.mouse.move(line.x, y);
    // About a metre a second, a reader's sweep: 12 px every 12 ms across the line of touching terms.
    for (let x = line.x; x < line.x + line.width; x += 12) {
      await page.mouse.move(x, y);
      await page.waitForTimeout(12);
    }
    // A check that no card opens: longer than the hover delay and the details' fetch take.
    await page.waitForTimeout(600);
    expect(await popoverText(page)).toBeNull();
    expect(await highlightedTexts(page, 'focus')).toEqual([]);

    // A rest: the card opens, not before the hover delay (timed in the page: the content script's marks).
    const point = await pointOf(page, '#touching', '新征程');
    const movedAt = (await page.evaluate('performance.now()')) as number;
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toContain('新征程');
    const restEnded = (await page.evaluate(
      `performance.getEntriesByName('jpl:popover-rest').at(-1)?.startTime`,
    )) as number;
    expect(restEnded - movedAt).toBeGreaterThanOrEqual(HOVER_DELAY_MS);

    // Moving onto the card keeps it open (through the gap between term and card).
    const card = (await inCard(page, cardGeometry))!;
    await page.mouse.move(card.box.left + 40, card.box.top + 20, { steps: 6 });
    // A check that the card stays: longer than the close delay (300 ms).
    await page.waitForTimeout(500);
    expect(await popoverText(page)).toContain('新征程');
    await page.close();
  });

  test('the explained term is marked, exactly, and touching terms are told apart', async () => {
    const page = await openNews(h);
    expect(await highlightedTexts(page, 'focus')).toEqual([]);
    await hoverAt(page, { selector: '#opening', text: '焦作高新区' });
    expect(await highlightedTexts(page, 'focus')).toEqual(['焦作高新区']);
    expect(await focusedOccurrence(page)).toEqual({ text: '焦作高新区', element: 'opening', inView: true });
    // The one explained, not the neighbour it touches.
    await hoverAt(page, { selector: '#touching', text: '新征程' });
    await expect.poll(() => highlightedTexts(page, 'focus')).toEqual(['新征程']);
    await page.screenshot({ path: join(SHOTS, 'card-marked-term.png') });
    await closeCard(page);
    expect(await highlightedTexts(page, 'focus')).toEqual([]);

    // 新时代新征程中原更加出彩焦作篇章: four terms, no gap; each painted unlike the one it touches.
    const styles = await page.evaluate(termStylesInPage, 'touching');
    expect(styles.map((style) => style.text)).toEqual(['新时代', '新征程', '中原更加出彩', '焦作篇章']);
    for (let i = 1; i < styles.length; i++) {
      expect(styles[i]!.look, `${styles[i - 1]!.text} | ${styles[i]!.text}`).not.toEqual(styles[i - 1]!.look);
    }
    const line = (await page.locator('#touching').boundingBox())!;
    await page.screenshot({
      path: join(SHOTS, 'terms-touching.png'),
      clip: { x: line.x, y: line.y, width: 620, height: line.height },
    });
    await page.close();

    // A heading's last term and the next paragraph's first meet in the text, not on the page: no turns taken.
    const blocks = await h.openPage('/touching-blocks.html');
    await expect.poll(() => highlightedTexts(blocks), { timeout: 10_000 }).toEqual(['先行区', '焦作高新区']);
    const [last] = await blocks.evaluate(termStylesInPage, 'head');
    const [first] = await blocks.evaluate(termStylesInPage, 'next');
    expect(first!.look).toEqual(last!.look);
    await blocks.close();
  });

  test('a stepped card takes the focus and gives it back on Escape; a pointed one never takes it', async () => {
    const page = await openNews(h);
    await page.focus('#search');
    await page.keyboard.type('焦');

    // Pointed at: the focus stays in the search box, and a click on the card's Copy leaves it there.
    await hoverAt(page, { selector: '#opening', text: '焦作高新区' });
    expect(await focusedInPage(page)).toBe('search');
    await clickCardButton(page, 'Copy 焦作高新区');
    expect(await focusedInPage(page)).toBe('search');
    await page.keyboard.type('作');
    expect(await page.inputValue('#search')).toBe('焦作');
    // (Escape would empty the search box, as without us: the pointer leaves instead.)
    await page.mouse.move(2, 2);
    await expect.poll(() => popoverText(page)).toBeNull();

    // Stepped to: the card takes the focus, and says what it explains.
    await step(h, page, 1);
    await expect.poll(() => popoverText(page)).not.toBeNull();
    const first = (await highlightedTexts(page, 'focus'))[0]!;
    expect(await focusedInCard(page)).toBe('card');
    await expect.poll(() => inCard(page, (root) => root.querySelector('.announcer')?.textContent)).toContain(first);
    // Tab goes through its controls, round and round, never into the page.
    const visited: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      visited.push((await focusedInCard(page))!);
    }
    expect(visited.slice(0, 5)).toEqual([
      `Save ${first} to your study list`,
      expect.stringMatching(/^Speak /),
      `Copy ${first}`,
      `Open ${first} in the glossary`,
      'More',
    ]);
    expect(visited[5]).toBe(visited[0]);
    // Its keys: M for More, → for the next context, S to save.
    await page.keyboard.press('m');
    await expect.poll(async () => (await inCard(page, cardGeometry))?.expanded).toBe(true);
    const position = () => inCard(page, (root) => root.querySelector('.paging [aria-live]')?.textContent ?? null);
    if (await position()) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(position).toMatch(/^2 of \d+ contexts$/);
    }
    await page.keyboard.press('s');
    await expect
      .poll(() => inCard(page, (root) => root.querySelector('[aria-pressed]')?.getAttribute('aria-pressed')))
      .toBe('true');
    await page.screenshot({ path: join(SHOTS, 'card-stepped.png') });
    // Stepping on keeps the focus in the (next) card; Escape gives it back to the search box.
    const firstTop = await focusedTop(page);
    await step(h, page, 1);
    await expect.poll(() => focusedTop(page)).not.toBe(firstTop);
    await expect.poll(() => focusedInCard(page)).toBe('card');
    await page.keyboard.press('Escape');
    await expect.poll(() => popoverText(page)).toBeNull();
    expect(await focusedInPage(page)).toBe('search');
    expect(await page.inputValue('#search')).toBe('焦作');
    await page.close();
  });

  test('dark on a dark page, light on a light one, every text at least 4.5:1; marks that show on their background', async () => {
    await setLensSettings(h, { toneColours: true });
    const figures: string[] = [];
    for (const [hash, theme] of [
      ['', 'light'],
      ['#dark', 'dark'],
    ] as const) {
      const page = await openNews(h, hash);
      await hoverAt(page, { selector: '#opening', text: '焦作高新区' });
      const first = (await inCard(page, cardContrast))!;
      await clickCardButton(page, 'More');
      await expect.poll(async () => (await inCard(page, cardGeometry))?.expanded).toBe(true);
      const more = (await inCard(page, cardContrast))!;
      expect(first.theme).toBe(theme);
      expect(first.dark).toBe(theme === 'dark');
      for (const measured of [first, more]) {
        expect(measured.texts).toBeGreaterThan(5);
        expect(measured.lowest.ratio, JSON.stringify(measured.lowest)).toBeGreaterThanOrEqual(4.5);
      }
      figures.push(`${theme}: lowest ${more.lowest.ratio.toFixed(2)} (${more.lowest.text})`);
      await page.screenshot({ path: join(SHOTS, `card-theme-${theme}.png`) });
      await clickCardButton(page, 'Less');
      await closeCard(page);

      // The terms' marks: the underline of a term on the red masthead as visible as of one in the article.
      for (const selector of ['.masthead', '#opening']) {
        const mark = await page.evaluate(markContrastInPage, selector);
        expect(mark.ratio, `${theme} ${selector}: ${JSON.stringify(mark)}`).toBeGreaterThanOrEqual(3);
        figures.push(`${theme} ${selector} underline: ${mark.ratio.toFixed(2)}`);
      }
      await page.close();
    }
    console.log(`contrast: ${figures.join('; ')}`);

    // The reader's choice beats the page's.
    await setLensSettings(h, { toneColours: false, cardTheme: 'dark' });
    const page = await openNews(h);
    await hoverAt(page, { selector: '#opening', text: '焦作高新区' });
    expect((await inCard(page, cardContrast))!.dark).toBe(true);
    await page.close();
  });

  test('the card’s text size follows the setting, and the first view still keeps its actions in view', async () => {
    await setLensSettings(h, { cardFontSize: 18 });
    const page = await openNews(h);
    for (const term of await termsAcrossView(page)) {
      await hoverAt(page, term);
      const card = (await inCard(page, cardGeometry))!;
      expect(card.fontSize).toBe('18px');
      for (const action of card.actions) expectOnScreen(action, `${term.text} at 18px: ${action.label}`);
      await closeCard(page);
    }
    await page.close();
  });

  test('with the click trigger, a first click on a linked term explains it, a second follows the link', async () => {
    await setLensSettings(h, { popoverTrigger: 'click' });
    const page = await openNews(h);
    const start = page.url();
    const term = await pointOf(page, '#term-link', '焦作高新区');
    await page.mouse.click(term.x, term.y);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toContain('Jiaozuo High-tech Zone');
    // A check that the page did NOT navigate: long enough for a navigation to begin.
    await page.waitForTimeout(500);
    expect(page.url()).toBe(start);
    await Promise.all([page.waitForURL('**/smoke.html'), page.mouse.click(term.x, term.y)]);

    // The link beside the term is a link as ever.
    await page.goBack();
    await page.waitForFunction(() => CSS.highlights.size > 0);
    const rest = await pointOf(page, '#term-link', '工作报告');
    await Promise.all([page.waitForURL('**/smoke.html'), page.mouse.click(rest.x, rest.y)]);
    await page.close();
  });

  test('Reveal brings a term to the middle of the view, clear of the sticky header', async () => {
    const page = await openNews(h);
    const reveal = (term: string) => revealTerm(h, page, term);
    const clear = () => page.evaluate(clearViewInPage);

    // The first 三区一极 is in view, clear of the header: it stays where it is.
    await reveal('三区一极');
    expect(await focusedOccurrence(page)).toEqual({ text: '三区一极', element: 'closing', inView: true });
    expect(await page.evaluate(() => scrollY)).toBe(0);
    // The next, far below: scrolled to the middle of what the header leaves.
    await reveal('三区一极');
    await expect.poll(focusedOccurrenceIn(page)).toBe('far');
    const far = await clear();
    expect(far.covered).toBe(false);
    expect(Math.abs(far.centre - far.middle), JSON.stringify(far)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: join(SHOTS, 'reveal-middle.png') });

    // One hidden under the sticky header is brought out from under it.
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('closing')!);
      scrollBy(0, range.getBoundingClientRect().top - 10);
    });
    await reveal('三区一极'); // after the far one, round to the first, now under the header
    await expect.poll(focusedOccurrenceIn(page)).toBe('closing');
    const closing = await clear();
    expect(closing.covered).toBe(false);
    expect(Math.abs(closing.centre - closing.middle), JSON.stringify(closing)).toBeLessThanOrEqual(2);
    await page.close();
  });

  test('without a Chinese voice, Speak says why, and the options page tells how to add one', async () => {
    const page = await openNews(h);
    // This machine's Chromium has no voices at all (no speech-dispatcher): the state every test here meets.
    expect(await page.evaluate(chineseVoicesInPage)).toEqual([]);
    await hoverAt(page, { selector: '#opening', text: '焦作高新区' });
    const speak = () =>
      inCard(page, (root) => {
        const button = [...root.querySelectorAll('button')].find((b) => b.getAttribute('aria-keyshortcuts') === 'P')!;
        return {
          disabled: button.getAttribute('aria-disabled'),
          label: button.getAttribute('aria-label'),
          title: button.title,
        };
      });
    await expect.poll(async () => (await speak())?.disabled, { timeout: 5000 }).toBe('true');
    expect(await speak()).toEqual({
      disabled: 'true',
      label: 'Speak 焦作高新区: unavailable, no Chinese voice is installed',
      title: 'No Chinese voice is installed: the options page tells how to add one.',
    });
    await clickCardButton(page, 'Speak 焦作高新区: unavailable, no Chinese voice is installed');
    await expect
      .poll(() => inCard(page, (root) => root.querySelector('.note')?.textContent))
      .toBe('No Chinese voice is installed: the options page tells how to add one.');
    await page.close();

    const options = await h.openOptions();
    await expect.poll(() => options.locator('.speech-help').textContent(), { timeout: 5000 }).toContain('Windows:');
    expect(await options.locator('.speech-help li').count()).toBe(4);
    await options.close();
  });

  test('makes no network request and logs no error', () => {
    expect(h.externalRequests).toEqual([]);
    expect(h.extensionErrors).toEqual([]);
  });
});

interface TermAt {
  selector: string;
  text: string;
  /** top, middle or bottom of the view */
  where?: string;
}

async function openNews(h: ExtensionHarness, hash = ''): Promise<Page> {
  const page = await h.openPage(`/news-layout.html${hash}`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 10_000 }).toBeGreaterThan(15);
  await page.mouse.move(2, 2);
  return page;
}

/** Terms near the top, the middle and the bottom of the view (by their place in the fixture's layout). */
async function termsAcrossView(page: Page): Promise<TermAt[]> {
  const terms: TermAt[] = [
    { selector: '#opening', text: '焦作高新区', where: 'top' },
    { selector: '#linked', text: '焦作高新区', where: 'middle' },
    { selector: '#closing', text: '高质量发展', where: 'bottom' },
  ];
  const ys = await Promise.all(terms.map(async (term) => (await pointOf(page, term.selector, term.text)).y));
  // Where the layout puts them (1280×800): within the view's upper fifth, its middle, its lower fifth.
  expect(ys[0]).toBeLessThan(800 / 3);
  expect(Math.abs(ys[1]! - 400)).toBeLessThan(800 / 4);
  expect(ys[2]).toBeGreaterThan(800 * 0.6);
  return terms;
}

/** Points at the term from elsewhere and waits for its card. */
async function hoverAt(page: Page, { selector, text }: TermAt): Promise<void> {
  const point = await pointOf(page, selector, text);
  await page.mouse.move(2, 2);
  await page.mouse.move(point.x, point.y);
  await expect.poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 }).toContain(text);
}

async function closeCard(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => popoverText(page)).toBeNull();
  await page.mouse.move(2, 2);
}

/** Clicks the card's control named `label` (its accessible label, or its text), with the mouse. */
async function clickCardButton(page: Page, label: string): Promise<void> {
  const centre = await inCard(
    page,
    (root, name) => {
      const button = [...root.querySelectorAll('button')].find(
        (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name,
      );
      if (!button) return null;
      const rect = button.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    label,
  );
  if (!centre) throw new Error(`no button "${label}" in the card`);
  await page.mouse.move(centre.x, centre.y, { steps: 4 });
  await page.mouse.click(centre.x, centre.y);
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function expectOnScreen(box: Box, what: string): void {
  expect(box.left, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box.top, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.right, `${what}: right`).toBeLessThanOrEqual(1280);
  expect(box.bottom, `${what}: bottom`).toBeLessThanOrEqual(800);
}

/** Run in the card's root: its box, its actions' boxes and names, whether it shows More, how its middle scrolls. */
function cardGeometry(root: ShadowRoot) {
  const card = root.querySelector<HTMLElement>('.card')!;
  const body = root.querySelector<HTMLElement>('.body')!;
  const box = (element: Element) => {
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { left, top, right, bottom };
  };
  return {
    box: box(card),
    height: card.getBoundingClientRect().height,
    fontSize: getComputedStyle(card).fontSize,
    expanded: root.querySelector('.more-layer') !== null,
    hasContext: root.querySelector('.context blockquote mark, .breakdown') !== null,
    text: card.textContent ?? '',
    actions: [...root.querySelectorAll('footer button')].map((button) => ({
      label: button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '',
      ...box(button),
    })),
    body: {
      scrollHeight: body.scrollHeight,
      clientHeight: body.clientHeight,
      scrollbarWidth: body.offsetWidth - body.clientWidth,
    },
  };
}

/**
 * Run in the card's root: the contrast of every text in the card against what it is drawn on (the backgrounds
 * of its element and their ancestors in the card, laid over each other), the lowest of them, and the theme.
 */
function cardContrast(root: ShadowRoot) {
  type Rgba = { r: number; g: number; b: number; a: number };
  const parse = (css: string): Rgba => {
    const [r, g, b, a = 1] = css.match(/[\d.]+/g)!.map(Number);
    return { r: r! / 255, g: g! / 255, b: b! / 255, a };
  };
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = (c: Rgba) => 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
  const over = (top: Rgba, bottom: Rgba): Rgba => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const card = root.querySelector<HTMLElement>('.card')!;
  const backgroundOf = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let at: Element | null = element; at; at = at === card ? null : at.parentElement)
      layers.push(parse(getComputedStyle(at).backgroundColor));
    return layers.reduceRight((under, layer) => over(layer, under), { r: 1, g: 1, b: 1, a: 1 } as Rgba);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  };
  let lowest = { ratio: Infinity, text: '', colour: '', background: '' };
  let texts = 0;
  const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement!;
    if (!node.textContent?.trim() || element.getClientRects().length === 0) continue;
    texts++;
    const colour = parse(getComputedStyle(element).color);
    const background = backgroundOf(element);
    const measured = ratio(over(colour, background), background);
    if (measured < lowest.ratio)
      lowest = {
        ratio: measured,
        text: node.textContent.trim().slice(0, 30),
        colour: getComputedStyle(element).color,
        background: `rgb(${[background.r, background.g, background.b].map((c) => Math.round(c * 255)).join(', ')})`,
      };
  }
  const cardBackground = backgroundOf(card);
  return {
    theme: card.classList.contains('theme-dark') ? 'dark' : 'light',
    dark: luminance(cardBackground) < 0.18,
    texts,
    lowest,
  };
}

/**
 * Run in the page: the terms painted in an element, in order, each with the look of the highlight that holds it
 * (its background and underline, as the page's style system computes them).
 */
function termStylesInPage(id: string): { text: string; look: string }[] {
  const element = document.getElementById(id)!;
  const found: { start: number; text: string; look: string }[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (highlight.priority !== 0) continue;
    const style = getComputedStyle(element, `::highlight(${name})`);
    const look = `${style.backgroundColor} ${style.textDecorationStyle} ${style.textDecorationColor}`;
    for (const range of highlight) {
      if (!element.contains(range.startContainer)) continue;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      found.push({ start: live.getBoundingClientRect().left, text: live.toString(), look });
    }
  }
  return found.sort((a, b) => a.start - b.start).map(({ text, look }) => ({ text, look }));
}

/**
 * Run in the page: the contrast between the underline of the first term painted inside `selector` and the
 * background it is drawn on (the element's, or its ancestors').
 */
function markContrastInPage(selector: string): { ratio: number; underline: string; background: string } {
  const element = document.querySelector(selector)!;
  const entry = [...CSS.highlights].find(
    ([, highlight]) =>
      highlight.priority === 0 && [...highlight].some((range) => element.contains(range.startContainer)),
  )!;
  const range = [...entry[1]].find((candidate) => element.contains(candidate.startContainer))!;
  const underline = getComputedStyle(
    range.startContainer.parentElement!,
    `::highlight(${entry[0]})`,
  ).textDecorationColor;
  let background = 'rgba(0, 0, 0, 0)';
  for (let at: Element | null = range.startContainer.parentElement; at; at = at.parentElement) {
    background = getComputedStyle(at).backgroundColor;
    if (!background.startsWith('rgba(')) break;
  }
  const channels = (css: string) =>
    css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => Number(c) / 255);
  const luminance = (css: string) => {
    const [r, g, b] = channels(css).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(underline), luminance(background)].sort((a, b) => b - a);
  return { ratio: (light! + 0.05) / (dark! + 0.05), underline, background };
}

/** Run in the page: the focused term's centre, the middle of the rows the sticky header leaves, and whether the header covers the term. */
function clearViewInPage(): { centre: number; middle: number; covered: boolean } {
  const highlight = [...CSS.highlights.values()].find((candidate) => candidate.priority === 1)!;
  const [range] = [...highlight];
  const live = document.createRange();
  live.setStart(range!.startContainer, range!.startOffset);
  live.setEnd(range!.endContainer, range!.endOffset);
  const rect = live.getBoundingClientRect();
  const header = document.querySelector('nav')!.getBoundingClientRect();
  const centre = rect.top + rect.height / 2;
  const atTerm = document.elementFromPoint(rect.left + rect.width / 2, centre);
  return {
    centre,
    middle: (header.bottom + innerHeight) / 2,
    covered: !atTerm || !atTerm.contains(range!.startContainer),
  };
}

/** Where the focused term stands (its top in the viewport). */
function focusedTop(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const [range] = [...([...CSS.highlights.values()].find((candidate) => candidate.priority === 1) ?? [])];
    if (!range) return null;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    return live.getBoundingClientRect().top;
  });
}

function focusedOccurrenceIn(page: Page): () => Promise<string | undefined> {
  return async () => (await focusedOccurrence(page))?.element;
}

/** Run in the page's main world: its Chinese voices (Chromium lists voices only after a while). */
async function chineseVoicesInPage(): Promise<string[]> {
  const listed = () => speechSynthesis.getVoices();
  if (listed().length === 0)
    await new Promise((resolve) => {
      speechSynthesis.addEventListener('voiceschanged', resolve, { once: true });
      setTimeout(resolve, 2000);
    });
  return listed()
    .filter((voice) => /^(zh|cmn)/i.test(voice.lang))
    .map((voice) => voice.name);
}

/** What has the focus in the page: the id of the page's focused element, or "card" for ours. */
function focusedInPage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return '(none)';
    return active.id || (active.parentElement === document.documentElement ? 'card' : active.localName);
  });
}

/** What has the focus in the card: "card" for the card itself, else the control's label; null when the focus is elsewhere. */
async function focusedInCard(page: Page): Promise<string | null> {
  return inCard(page, (root) => {
    const active = root.activeElement;
    if (!active) return null;
    if (active.classList.contains('card')) return 'card';
    return active.getAttribute('aria-label') ?? active.textContent?.trim() ?? active.localName;
  });
}

async function step(h: ExtensionHarness, page: Page, direction: 1 | -1): Promise<void> {
  const tabId = await tabIdOf(h, page);
  await h.serviceWorker.evaluate(
    async ([id, dir]) => {
      await chrome.tabs.sendMessage(id, { type: 'step-term', direction: dir }, { frameId: 0 });
    },
    [tabId, direction] as const,
  );
}

async function revealTerm(h: ExtensionHarness, page: Page, term: string): Promise<void> {
  const tabId = await tabIdOf(h, page);
  const answer = await h.serviceWorker.evaluate(
    async ([id, name]) => chrome.tabs.sendMessage(id, { type: 'reveal-term', term: name }, { frameId: 0 }),
    [tabId, term] as const,
  );
  expect(answer).toMatchObject({ revealed: true });
}

async function storedLensSettings(h: ExtensionHarness): Promise<Record<string, unknown>> {
  return h.serviceWorker.evaluate(
    async () => ((await chrome.storage.sync.get('lensSettings')).lensSettings ?? {}) as Record<string, unknown>,
  );
}

async function setLensSettings(h: ExtensionHarness, change: Record<string, unknown>): Promise<void> {
  await h.serviceWorker.evaluate(async (next) => {
    const { lensSettings } = await chrome.storage.sync.get('lensSettings');
    await chrome.storage.sync.set({ lensSettings: { ...(lensSettings as object), ...next } });
  }, change);
}
