/**
 * Hostile and unusual pages (tests/fixtures/hostile/), in a real Chromium with the built extension: each
 * page must go on working as if we were not there, and the extension must still do its job (find and
 * highlight the terms, explain one on hover) or step aside cleanly. One browser serves every case.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { useExtension } from './use-harness';
import {
  dialogs,
  expectListenersReached,
  expectNoRequests,
  expectPageUntouched,
  forgetBackgroundPage,
  openWatched,
  type PopoverState,
  type WatchedPage,
} from './hostile-tools';
import type { Frame } from 'playwright-core';
import { shownCardText } from './card-tools';
import { textCentreInPage } from './page-tools';

/**
 * The pages whose scan takes a second or more are tried again once when a task of ours measured 50 ms: the
 * measures are wall-clock time, which a machine shared with other work stretches (a 5 ms slice was seen at 120
 * ms under a load of 13 on two cores). A real regression (2.7 s before the fix for deep DOMs) fails both times.
 */
const SLICE_RETRIES = 1;

const h = useExtension();
// Registered after useExtension's hooks, so it runs before the browser closes.
afterAll(() => {
  forgetBackgroundPage();
});

describe('pages that replace built-ins or share the DOM with us', () => {
  test('a page that overwrites Array, Node, CSS, MutationObserver, Promise, Map, JSON, timers… does not reach us', async () => {
    const probe = await openWatched(h, '/hostile/builtins.html');
    await probe.settled();
    await probe.expectTerms({ 焦作: 1, 一区五城: 1, 高质量发展: 1, 焦作高新区: 1, 三区一极: 1 });
    expect(await probe.highlighted()).toEqual(['焦作', '一区五城', '高质量发展', '焦作高新区', '三区一极']);
    const events = (await probe.watch()).events;
    const popover = await probe.hover('#text', '焦作高新区', 'Jiaozuo High-tech Zone');
    expect(popover.text).toContain('jiāo zuò gāo xīn qū');
    await probe.closePopover();
    await expectListenersReached(probe, events);
    // The page's own world is as the page left it, and its own code still runs.
    expect(await probe.main('window.pageSaw()')).toBe('false function null');
    await probe.page.mouse.click(
      ...(Object.values(
        await probe.run(() => {
          const r = document.querySelector('#count')!.getBoundingClientRect();
          return [r.left + 5, r.top + 5];
        }),
      ) as [number, number]),
    );
    expect(await probe.main('window.pageClicks')).toBe(1);
    await expectPageUntouched(probe, { focused: 'button' });
    await probe.close();
  });

  test('a page with custom elements of its own, one under the name our card’s host once had', async () => {
    const probe = await openWatched(h, '/hostile/shared-dom.html');
    await probe.settled();
    await probe.expectTerms({ 焦作: 1, 一区五城: 1, 三区一极: 1, 焦作高新区: 1 });
    const popover = await probe.hover('#text', '一区五城', 'One Zone, Five Cities');
    expect(popover.style.visibility).toBe('visible');
    expect(await probe.main('window.claimedConstructed')).toBe(undefined);
    await expectPageUntouched(probe);
    await probe.close();
  });
});

describe('page styles and policies', () => {
  test('a page whose CSS resets everything, hides unknown elements and stacks a bar at z-index 2147483647', async () => {
    const probe = await openWatched(h, '/hostile/hostile-css.html');
    await probe.settled();
    await probe.expectTerms({ 焦作: 1, 一区五城: 1 });
    const popover = await probe.hover('#text', '一区五城', 'One Zone, Five Cities');
    expectLegible(popover);
    expect(popover.topmostAtCentre, 'the card is on top of the page’s bar').toBe('card');
    await probe.page.screenshot({ path: screenshotPath('hostile-css.png') });
    await expectPageUntouched(probe);
    await probe.close();
  });

  test('a strict Content-Security-Policy with Trusted Types: styled popover, no violation', async () => {
    const probe = await openWatched(h, '/hostile/csp.html');
    expect(h.serverRequests.some((r) => r.path === '/hostile/csp.html')).toBe(true);
    await probe.settled();
    await probe.expectTerms({ 焦作: 1, 一区五城: 1, 焦作高新区: 1, 三区一极: 1 });
    const popover = await probe.hover('#text', '三区一极');
    expectLegible(popover);
    // The card's own colours: the shadow root's styles applied although the page allows no style at all.
    expect(popover.style.background).toBe('rgb(255, 253, 249)');
    expect(await probe.inCard((root) => root.styleSheets.length + root.adoptedStyleSheets.length)).toBeGreaterThan(0);
    expect((await probe.watch()).violations).toEqual([]);
    expect(h.consoleMessages.filter((m) => /Trusted|Content Security Policy/i.test(m.text))).toEqual([]);
    await expectPageUntouched(probe);
    await probe.close();
  });
});

describe('size and shape extremes', () => {
  test('one text node of ten million characters', { retry: SLICE_RETRIES }, async () => {
    const probe = await openWatched(h, '/hostile/big-text.html');
    await probe.settled(60_000);
    await probe.expectTerms({ 焦作高新区: 1, 一区五城: 100 });
    await probe.hover('#big', '焦作高新区', 'Jiaozuo High-tech Zone');
    await expectPageUntouched(probe);
    await probe.close();
  });

  test('200 000 text nodes, 100 000 of them side by side in one paragraph', { retry: SLICE_RETRIES }, async () => {
    const probe = await openWatched(h, '/hostile/many-nodes.html');
    await probe.settled(60_000);
    await probe.expectTerms({ 一区五城: 100, 三区一极: 100 });
    await probe.hover('#one', '一区', 'One Zone, Five Cities');
    await expectPageUntouched(probe);
    await probe.close();
  });

  test(
    'one text node holding 200 000 terms: found, a window of them painted, in slices',
    { retry: SLICE_RETRIES },
    async () => {
      const probe = await openWatched(h, '/hostile/many-terms.html');
      await probe.settled(60_000);
      await probe.expectTerms({ 一区五城: 50_000, 三区一极: 50_000, 太极拳: 50_000, 焦作高新区: 50_000 });
      // Painted: the ones around the viewport, not all 200 000 (each registered range costs every frame).
      const painted = (await probe.highlighted()).length;
      expect(painted).toBeGreaterThan(20);
      expect(painted).toBeLessThanOrEqual(1000);
      await probe.hover('#dense', '焦作高新区', 'Jiaozuo High-tech Zone');
      await expectPageUntouched(probe);
      await probe.close();
    },
  );

  test(
    'a million text nodes in one block, 100 000 terms split over two nodes each: its first 100 000 nodes read',
    { retry: SLICE_RETRIES },
    async () => {
      const probe = await openWatched(h, '/hostile/million-nodes.html');
      await probe.settled(120_000);
      // A block's first 100 000 text nodes are read (lib/content/text-runs.ts): 10 000 terms, a thousand each.
      const each = 1_000;
      await probe.expectTerms(
        Object.fromEntries(
          [
            '一区五城',
            '三区一极',
            '太极拳',
            '焦作高新区',
            '云台山',
            '高质量发展',
            '工业强市',
            '科创名城',
            '乡村振兴',
            '营商环境',
          ].map((term) => [term, each]),
        ),
        30_000,
      );
      expect((await probe.highlighted()).length).toBeLessThanOrEqual(1000);
      await probe.hover('#flat', '一区', 'One Zone, Five Cities');
      await expectPageUntouched(probe);
      await probe.close();
    },
  );

  test('a DOM nested 2000 deep', { retry: SLICE_RETRIES }, async () => {
    // 2000: Chromium's renderer itself crashes on this page at 3000 and more, with or without the extension.
    const probe = await openWatched(h, '/hostile/deep.html?depth=2000');
    await probe.settled();
    await probe.expectTerms({ 一区五城: 1, 三区一极: 1, 焦作高新区: 1 });
    await probe.hover('#deepest', '焦作高新区', 'Jiaozuo High-tech Zone');
    await expectPageUntouched(probe);
    await probe.close();
  });

  test('a document without a <body>', async () => {
    const probe = await openWatched(h, '/hostile/no-body.html');
    expect(await probe.run(() => document.body)).toBeNull();
    await probe.settled();
    await probe.expectTerms({ 焦作: 1, 一区五城: 1 });
    await probe.hover('#text', '一区五城', 'One Zone, Five Cities');
    await expectPageUntouched(probe, { focused: null });
    await probe.close();
  });
});

describe('documents of other kinds, and frames', () => {
  test('an XHTML document (application/xhtml+xml), where tag names are lower case', async () => {
    const probe = await openWatched(h, '/hostile/xhtml.xhtml');
    expect(await probe.run(() => document.contentType)).toBe('application/xhtml+xml');
    await probe.settled();
    // Not 焦作高新区: it stands in a <script> and a <pre>.
    await probe.expectTerms({ 焦作: 1, 一区五城: 1, 三区一极: 1, 云台山: 1 });
    await probe.hover('#text', '一区', 'One Zone, Five Cities');
    await expectPageUntouched(probe);
    await probe.close();
  });

  test('an SVG document: its <text> is read, its title, description, style and script are not', async () => {
    const probe = await openWatched(h, '/hostile/svg.svg');
    await probe.settled();
    await probe.expectTerms({ 焦作: 1, 一区五城: 1, 三区一极: 1 });
    expect(await probe.highlighted()).toEqual(['焦作', '一区五城', '三区一极']);
    const popover = await probe.hover('#label', '一区五城', 'One Zone, Five Cities');
    // HTML shows in an SVG document only inside a <foreignObject>, even in the top layer.
    expect(popover.topmostAtCentre).toBe('card');
    expectLegible(popover);
    await probe.page.screenshot({ path: screenshotPath('hostile-svg.png') });
    await expectPageUntouched(probe, { focused: null });
    await probe.close();
  });

  test('a frameset', async () => {
    const probe = await openWatched(h, '/hostile/frameset.html');
    await probe.expectTerms({ 焦作: 1, 一区五城: 1, 焦作高新区: 1, 三区一极: 1 });
    const right = probe.page.frames().find((f) => f.url().endsWith('/frame-b.html'))!;
    const text = await hoverInFrame(probe, right, '三区一极');
    expect(text).toContain('三区一极');
    await expectPageUntouched(probe, { focused: 'frameset' });
    await probe.close();
  });

  test('50 frames, half of them srcdoc', async () => {
    const probe = await openWatched(h, '/hostile/many-frames.html');
    await probe.expectTerms({ 太极拳: 1, 焦作: 25, 一区五城: 25, 三区一极: 25 }, 30_000);
    await probe.hover('#text', '太极拳');
    await expectPageUntouched(probe);
    await probe.close();
  });

  test('100 frames without Chinese text: no lens starts in them; a frame whose Chinese text comes later is read', async () => {
    const probe = await openWatched(h, '/hostile/english-frames.html');
    const frames = probe.page.frames();
    expect(frames.length).toBe(102);
    const marks = (name: string) =>
      Promise.all(frames.map((frame) => frame.evaluate((mark) => performance.getEntriesByName(mark).length, name)));
    // Our script ran in every frame, and started a lens in none (the top page has no Chinese either).
    await expect
      .poll(async () => (await marks('jpl:main')).every((count) => count === 1), { timeout: 20_000 })
      .toBe(true);
    await probe.page.waitForTimeout(1000);
    expect((await marks('jpl:start')).filter((count) => count > 0).length, 'frames with a lens').toBe(0);
    // The frame whose text turns Chinese gets its lens.
    expect(await probe.main<boolean>('window.fillLateFrame()')).toBe(true);
    await probe.expectTerms({ 三区一极: 1 });
    expect((await marks('jpl:start')).filter((count) => count > 0).length, 'frames with a lens').toBe(1);
    await probe.close();
  });

  test('about:blank, srcdoc, sandboxed srcdoc, data: and blob: frames', async () => {
    const probe = await openWatched(h, '/hostile/special-frames.html');
    await probe.expectTerms({ 太极拳: 1, 焦作高新区: 1, 一区五城: 1, 三区一极: 1, 乡村振兴: 1, 高质量发展: 1 });
    await expectPageUntouched(probe);
    await probe.close();
  });
});

describe('shadow roots as pages use them', () => {
  test('custom elements used as badges in a sentence: the text of their shadow roots is read and explained', async () => {
    const probe = await openWatched(h, '/hostile/inline-shadow.html');
    await probe.settled();
    await probe.expectTerms({ 焦作高新区: 1, 三区一极: 1, 太极拳: 1 });
    const badge = await probe.run(() => {
      const r = document.querySelector('term-badge')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await probe.page.mouse.move(badge.x, badge.y);
    await expect
      .poll(async () => (await probe.popover())?.text ?? '', { timeout: 8000 })
      .toContain('Jiaozuo High-tech Zone');
    await expectPageUntouched(probe);
    await probe.close();
  });

  test('custom elements defined after load: their shadow roots are read within a second', async () => {
    const probe = await openWatched(h, '/hostile/late-element.html');
    await probe.settled();
    await probe.expectTerms({ 太极拳: 1 });
    await probe.page.waitForTimeout(1000);
    const definedAt = await probe.main<number>('window.defineLate()');
    // Polled in the page, for three seconds at most: when both terms are painted.
    const paintedAt = await probe.run(
      () =>
        new Promise<number>((resolve) => {
          const until = performance.now() + 3000;
          const look = () => {
            const painted = [...CSS.highlights.values()].flatMap((highlight) =>
              [...highlight].map((range) => range.startContainer.textContent ?? ''),
            );
            const both = ['焦作高新区', '三区一极'].every((term) => painted.some((text) => text.includes(term)));
            if (both) resolve(performance.now());
            else if (performance.now() > until) resolve(Number.MAX_VALUE);
            else setTimeout(look, 20);
          };
          look();
        }),
    );
    expect(paintedAt - definedAt, 'ms from the definition to the terms painted').toBeLessThan(1000);
    await probe.expectTerms({ 太极拳: 1, 焦作高新区: 1, 三区一极: 1 });
    await expectPageUntouched(probe);
    await probe.close();
  });
});

describe('the card: a page can neither reach it nor act through it', () => {
  test('a cross-origin frame that takes the card’s buttons out and clicks them removes nothing, opens nothing, reads nothing', async () => {
    const savedTerms = () =>
      h.serviceWorker.evaluate(async () =>
        (((await chrome.storage.local.get('studyList')).studyList ?? []) as { term: string }[]).map((s) => s.term),
      );
    const probe = await openWatched(h, '/hostile/attack-top.html');
    await probe.settled();
    await probe.expectTerms({ 焦作高新区: 2 });
    // The reader saves the term from the top page's card.
    await probe.hover('#text', '焦作高新区', 'Jiaozuo High-tech Zone');
    await probe.clickInCard('Save 焦作高新区 to your study list');
    await expect.poll(savedTerms).toEqual(['焦作高新区']);
    await probe.closePopover();
    const tabs = h.context.pages().length;

    // Then moves the mouse over the same term in the frame, whose script is waiting for our card.
    const frame = probe.page.frames().find((f) => f.url().includes('/hostile/attack-frame.html'))!;
    const inner = await frame.evaluate(textCentreInPage, ['#text', '焦作高新区'] as const);
    const box = (await (await frame.frameElement()).boundingBox())!;
    await probe.page.mouse.move(box.x + inner.x, box.y + inner.y);
    // The card's host is in the frame (it goes in with the first card): the frame's script has seen it.
    const attack = () => frame.evaluate(() => (window as unknown as { attack: { hosts: number } }).attack);
    await expect.poll(async () => (await attack()).hosts, { timeout: 8000 }).toBe(1);
    await probe.page.waitForTimeout(1000); // the frame's script looks every 100 ms
    // It found our host element, and nothing in it.
    expect(await attack()).toEqual({
      hosts: 1,
      buttons: 0,
      savedStates: [],
      clicked: 0,
    });
    expect(await savedTerms()).toEqual(['焦作高新区']);
    expect(h.context.pages().length).toBe(tabs);
    await probe.close();
  });

  test('a term the page moves under the resting pointer opens no card; the pointer’s next move does', async () => {
    const probe = await openWatched(h, '/hostile/resting-pointer.html');
    await probe.settled();
    await probe.expectTerms({ 焦作高新区: 1 });
    const rest = await probe.pointOf('#empty', '指针');
    await probe.page.mouse.move(rest.x, rest.y);
    await probe.page.waitForTimeout(300);
    expect(await probe.main<boolean>(`window.bringUnder(${rest.x}, ${rest.y})`)).toBe(true);
    await probe.page.waitForTimeout(300);
    // The browser repeats the resting pointer's position: a trusted pointermove at the same coordinates (what
    // Chromium sends when layout shifts under a still pointer is nothing at all, and after a scroll pointerover
    // and mouseover alone; a repeated position comes from the input stack, as here).
    const moves = (await probe.watch()).events.pointermove;
    await probe.page.mouse.move(rest.x, rest.y);
    await expect.poll(async () => (await probe.watch()).events.pointermove).toBeGreaterThan(moves);
    await probe.page.waitForTimeout(600);
    // The pointer rested on 指针 first, which has its dictionary card (the reader pointed at it); the term the page
    // moved under it gets none.
    expect((await probe.popover())?.text ?? '', 'a term’s card opened under the resting pointer').not.toContain(
      'Jiaozuo High-tech Zone',
    );
    // The reader moves: it opens.
    await probe.page.mouse.move(rest.x + 1, rest.y);
    await expect
      .poll(async () => (await probe.popover())?.text ?? '', { timeout: 8000 })
      .toContain('Jiaozuo High-tech Zone');
    // The page's own two changes of the term's style moved it.
    await expectPageUntouched(probe, { pageRecords: 2, pageChangesMarkup: true });
    await probe.close();
  });
});

describe('what a page can tell of us', () => {
  test('no window message and no event on the document from our start-up, in any frame', async () => {
    // WXT's content-script start-up posts a message naming the extension and its script to every frame, and
    // dispatches an event whose name holds the extension's id (the store's id is public).
    const started = (entrypoint: string) => `${h.extensionId}:${entrypoint}:wxt:content-script-started`;
    const probe = await openWatched(h, '/hostile/many-frames.html', {
      initScript: `(() => {
        const seen = (window.__startEvents = []);
        for (const type of ${JSON.stringify([started('content'), started('content-script')])})
          document.addEventListener(type, () => seen.push(type), true);
      })()`,
    });
    await probe.expectTerms({ 太极拳: 1, 焦作: 25, 一区五城: 25, 三区一极: 25 }, 30_000);
    for (const frame of probe.page.frames()) {
      const heard = await frame.evaluate(() => ({
        messages: (window as unknown as { __hostile: { messages: number } }).__hostile.messages,
        events: (window as unknown as { __startEvents: string[] }).__startEvents.length,
      }));
      expect(heard, frame.url()).toEqual({ messages: 0, events: 0 });
    }
    await probe.close();
  });

  test('a page without terms finds no highlight and no highlight style of ours; one with terms, only made-up names', async () => {
    const probe = await openWatched(h, '/hostile/no-terms.html');
    await probe.settled();
    await probe.page.waitForTimeout(500);
    expect(
      await probe.run(() => ({ highlights: CSS.highlights.size, sheets: document.adoptedStyleSheets.length })),
    ).toEqual({
      highlights: 0,
      sheets: 0,
    });
    expect(await probe.run(highlightStyles)).toEqual(NO_HIGHLIGHT_STYLE);
    await probe.close();

    // With terms: painted under names of this page's, which are not ours to guess; our host is named likewise.
    const names: string[] = [];
    for (let i = 0; i < 2; i++) {
      const page = await openWatched(h, '/hostile/frame-a.html');
      await page.settled();
      await page.hover('#text', '一区五城', 'One Zone, Five Cities');
      expect(await page.run(highlightStyles)).toEqual(NO_HIGHLIGHT_STYLE);
      const host = (await page.inCard((root) => root.host.localName))!;
      expect(host).not.toMatch(/jpl|lens|policy|jiaozuo/i);
      names.push(host, ...(await page.run(() => [...CSS.highlights.keys()])));
      await page.close();
    }
    expect(new Set(names).size, `names on two pages: ${names.join(' ')}`).toBe(names.length);
  });

  test('a site switched off has no highlight style, no highlight and no element of ours', async () => {
    await h.serviceWorker.evaluate(() => chrome.storage.sync.set({ disabledSites: ['127.0.0.1'] }));
    try {
      const probe = await openWatched(h, '/hostile/frame-a.html');
      await expect.poll(() => probe.run(() => performance.getEntriesByName('jpl:main').length)).toBe(1);
      await probe.page.waitForTimeout(1000);
      expect(
        await probe.run(() => ({ highlights: CSS.highlights.size, sheets: document.adoptedStyleSheets.length })),
      ).toEqual({
        highlights: 0,
        sheets: 0,
      });
      expect(await probe.run(highlightStyles)).toEqual(NO_HIGHLIGHT_STYLE);
      expect(await probe.run(() => performance.getEntriesByName('jpl:start').length)).toBe(0);
      await expectPageUntouched(probe);
      await probe.close();
    } finally {
      await h.serviceWorker.evaluate(() => chrome.storage.sync.remove('disabledSites'));
    }
  });
});

describe('a page that never stops changing', () => {
  test('a mutation storm: thousands of text changes a second for three seconds', { retry: SLICE_RETRIES }, async () => {
    const probe = await openWatched(h, '/hostile/storm.html');
    await probe.page.bringToFront(); // a background tab's timers would be throttled
    await probe.settled();
    await probe.expectTerms({ 一区五城: 60, 三区一极: 60, 太极拳: 60, 焦作高新区: 60 });
    const heapBefore = await probe.heapUsed();
    const changes = await probe.main<number>('window.storm(3000, 25)', true);
    expect(changes, 'changes made').toBeGreaterThan(3 * 2000);

    // Once it settles, the counts and the highlights are those of the text the page now shows.
    const shown = await probe.run(() => {
      const terms = ['一区五城', '三区一极', '太极拳', '焦作高新区'];
      const counts: Record<string, number> = {};
      const inView: string[] = [];
      for (const p of document.querySelectorAll('#feed p')) {
        const text = p.textContent ?? '';
        const rect = p.getBoundingClientRect();
        for (const term of terms) {
          if (!text.includes(term)) continue;
          counts[term] = (counts[term] ?? 0) + 1;
          if (rect.top >= 0 && rect.bottom <= innerHeight) inView.push(term);
        }
      }
      return { counts, inView };
    });
    await probe.expectTerms(shown.counts);
    const highlightedInView = await probe.run(() => {
      const terms = [...CSS.highlights.values()].find((highlight) => highlight.priority === 0);
      const ranges = [...(terms ?? [])].map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live;
      });
      return ranges
        .filter((r) => {
          const rect = r.startContainer.parentElement!.getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= innerHeight;
        })
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
        .map((r) => r.toString());
    });
    expect(highlightedInView).toEqual(shown.inView);

    const heapAfter = await probe.heapUsed();
    console.log(
      `[hostile] storm: ${changes} changes in 3 s; heap ${(heapBefore / 1e6).toFixed(1)} MB before, ${(heapAfter / 1e6).toFixed(1)} MB after; our longest task ${JSON.stringify(await probe.ourLongestTask())}`,
    );
    expect(heapAfter - heapBefore, 'heap growth (bytes)').toBeLessThan(2_000_000);
    await probe.hover('#feed', shown.inView[0]!);
    await expectPageUntouched(probe, {
      pageRecords: await probe.main<number>('window.stormRecords'),
      pageChangesMarkup: true,
    });
    await probe.close();
  });
});

describe('text made to attack our UI', () => {
  test('markup as text, bidi overrides, invisible characters and lone surrogates: shown as text, matched as read', async () => {
    const options = await h.openOptions();
    await options.evaluate(() =>
      chrome.storage.sync.set({
        learningSettings: { historyEnabled: true, historyAllTerms: true, speakOnReveal: false, ankiConnect: false },
      }),
    );
    const probe = await openWatched(h, '/hostile/ui-attack.html');
    await probe.settled();
    // 一区五城 twice: once after the markup, once with a zero-width space inside (一\u200B区五城), which a
    // reader sees as 一区五城; 太极拳 has a soft hyphen inside.
    await probe.expectTerms({ 一区五城: 2, 三区一极: 1, 焦作高新区: 1, 太极拳: 1, 云台山: 1 });
    expect(await probe.highlighted()).toEqual([
      '一区五城',
      '三区一极',
      '焦作高新区',
      '一\u200B区五城',
      '太极\u00AD拳',
      '云台山',
    ]);
    for (const [selector, text, term] of [
      ['#xss', '一区五城', '一区五城'],
      ['#rtl', '三区一极', '三区一极'],
      ['#invisible', '一\u200B区', '一区五城'],
      ['#surrogates', '云台山', '云台山'],
    ]) {
      const popover = await probe.hover(selector!, text!, term);
      expect(popover.text).not.toContain('onerror');
    }
    expect(await probe.inCard((root) => root.querySelectorAll('img, script').length)).toBe(0);
    await expectPageUntouched(probe);

    // The learner's history shows each sentence as the reader saw it, as text.
    const learn = await h.openExtensionPage('learn.html#history');
    learn.on('dialog', (dialog) => {
      dialogs.push(`learn page: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const sentenceOf = async (term: string) => {
      await expect
        .poll(() => learn.locator('details summary').allTextContents(), { timeout: 10_000 })
        .toContainEqual(expect.stringContaining(term));
      const details = learn.locator('details', { has: learn.locator('summary', { hasText: term }) });
      await details.locator('summary').click();
      return {
        sentence: (await details.locator('li q').first().textContent())!,
        title: (await details.locator('li a').first().textContent())!,
      };
    };
    const markup = await sentenceOf('一区五城');
    expect(markup.sentence).toBe('<img src=x onerror=alert(1)>一区五城<script>alert(2)</script>。');
    expect(markup.title).toBe('<img src=x onerror=alert(3)> 焦作新闻');
    expect((await sentenceOf('三区一极')).sentence).toBe('三区一极与焦作高新区。'); // no U+202E to reverse the history page
    expect((await sentenceOf('太极拳')).sentence).toBe('推进一区五城建设，打造太极拳品牌。');
    expect((await sentenceOf('云台山')).sentence).toBe('\uFFFD云台山\uFFFD。');
    expect(await learn.locator('img, script:not([src])').count()).toBe(0);
    expect(h.serverRequests.filter((r) => r.path === '/x' || r.path === '/hostile/x')).toEqual([]);
    await learn.close();
    await options.evaluate(() => chrome.storage.sync.remove('learningSettings'));
    await options.close();
    await probe.close();
  });
});

describe('quirks mode, fullscreen, zoom and the edges of the viewport', () => {
  test('a page in quirks mode', async () => {
    const probe = await openWatched(h, '/hostile/quirks.html');
    expect(await probe.run(() => document.compatMode)).toBe('BackCompat');
    await probe.settled();
    await probe.expectTerms({ 焦作: 1, 一区五城: 1, 焦作高新区: 1, 三区一极: 1 });
    expectLegible(await probe.hover('#cell', '一区五城', 'One Zone, Five Cities'));
    await expectPageUntouched(probe);
    await probe.close();
  });

  test('an element in fullscreen: the popover shows on top of it and takes the pointer', async () => {
    const probe = await openWatched(h, '/hostile/fullscreen.html');
    await probe.page.bringToFront();
    await probe.settled();
    await probe.hover('#first', '一区五城', 'One Zone, Five Cities');
    await probe.page.keyboard.press('f'); // the page's own shortcut; entering fullscreen closes open popovers
    await expect.poll(() => probe.run(() => document.fullscreenElement?.id ?? null)).toBe('stage');
    // The card that was open is back above the fullscreen element (or closed); the next one shows on top too.
    await expect.poll(async () => (await probe.popover())?.topmostAtCentre ?? 'closed').toMatch(/^(card|closed)$/);
    const popover = await probe.hover('#second', '三区一极');
    expect(popover.topmostAtCentre, 'the card is above the fullscreen element').toBe('card');
    expectLegible(popover);
    // The reader can move onto the card (to scroll it, or save the term): it stays open.
    await probe.page.mouse.move(popover.box.left + 40, popover.box.top + 20, { steps: 4 });
    // A check that it does NOT close: longer than the delay after which leaving a term closes the card.
    await probe.page.waitForTimeout(600);
    expect((await probe.popover())?.text).toContain('三区一极');
    await probe.page.screenshot({ path: screenshotPath('hostile-fullscreen.png') });
    expect(await probe.inCard((root) => root.host.parentElement!.id)).toBe('stage');
    await probe.run(() => document.exitFullscreen());
    await expect.poll(() => probe.inCard((root) => root.host.parentElement!.localName)).toBe('html');
    // Inserted, moved into the fullscreen element (removed and added), and back (removed and added).
    await expectPageUntouched(probe, { hostRecords: 5 });
    await probe.close();
  });

  test('terms at every edge and corner of the viewport: the popover stays in view', async () => {
    const probe = await openWatched(h, '/edges.html', { viewport: { width: 800, height: 600 } });
    await probe.expectTerms({ 一区五城: 2, 三区一极: 2, 太极拳: 2, 焦作高新区: 2 });
    await expectPopoversInView(probe);
    await expectPageUntouched(probe);
    await probe.close();
  });

  test('zoomed to 300% (a viewport a third as wide, at three device pixels a CSS pixel): still in view', async () => {
    const probe = await openWatched(h, '/edges.html');
    await probe.cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 427,
      height: 267,
      deviceScaleFactor: 3,
      mobile: false,
    });
    await probe.settled();
    await expectPopoversInView(probe);
    // Through CDP: Playwright's own screenshot would put its viewport back first.
    const shot = (await probe.cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
    writeFileSync(screenshotPath('hostile-zoom.png'), Buffer.from(shot.data, 'base64'));
    await expectPageUntouched(probe);
    await probe.close();
  });

  test('pinch-zoomed to 300%: the popover stays in the visible part of the page', async () => {
    const probe = await openWatched(h, '/edges.html', { viewport: { width: 800, height: 600 } });
    await probe.settled();
    await probe.cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 3 });
    await expect.poll(() => probe.run(() => visualViewport!.scale)).toBe(3);
    const visible = await probe.viewport();
    expect(visible.right - visible.left).toBeCloseTo(800 / 3, 0);
    // The one term in the part shown (the top-left third): its card, 420 px wide unzoomed, fits that part.
    const popover = await probe.hover('#top-left', '一区五城', 'One Zone, Five Cities');
    expectInside(popover.box, visible, 'pinch-zoomed');
    await probe.page.screenshot({ path: screenshotPath('hostile-pinch.png') });
    await expectPageUntouched(probe);
    await probe.close();
  });
});

test('no page raised a dialog, and nothing left the machine', () => {
  expect(dialogs).toEqual([]);
  expectNoRequests(h);
  expect(h.extensionErrors).toEqual([]);
});

/** What a page's style system gives the highlight names of earlier versions: nothing, when no style of ours is there. */
const NO_HIGHLIGHT_STYLE = Object.fromEntries(
  ['jpl-term', 'jpl-term-background', 'jpl-focus'].map((name) => [name, 'rgba(0, 0, 0, 0)']),
);

/** Run in the page: the background colour its styles give each highlight name of earlier versions. */
function highlightStyles(): Record<string, string> {
  const names = ['jpl-term', 'jpl-term-background', 'jpl-focus'];
  const element = document.body ?? document.documentElement;
  return Object.fromEntries(
    names.map((name) => [name, getComputedStyle(element, `::highlight(${name})`).backgroundColor]),
  );
}

/** A card a reader can read: shown, opaque, dark text at its own size on its own background. */
function expectLegible(popover: PopoverState): void {
  // The card's own text colour, of its light theme or (on a dark page, such as the fullscreen stage) its dark one
  // (popover.css --fg): never one the page passed down.
  const ownColour = expect.stringMatching(/^rgb\((28, 25, 23|245, 245, 244)\)$/);
  expect(popover.style).toMatchObject({
    visibility: 'visible',
    opacity: '1',
    fontSize: '14px',
    color: ownColour,
    textFill: ownColour,
  });
  expect(popover.style.textFill).toBe(popover.style.color);
  expect(popover.style.letterSpacing).toBe('normal');
  expect(popover.style.writingMode).toBe('horizontal-tb');
  expect(popover.box.width).toBeGreaterThan(150);
  expect(popover.box.height).toBeGreaterThan(60);
}

/** Hovers `text` inside a frame (a normal page: Playwright's own evaluate is fine there); the frame's popover text. */
async function hoverInFrame(probe: WatchedPage, frame: Frame, text: string): Promise<string> {
  const inner = await frame.evaluate(textCentreInPage, ['body', text] as const);
  const box = (await (await frame.frameElement()).boundingBox())!;
  await probe.page.mouse.move(box.x + inner.x, box.y + inner.y);
  const popover = async () => (await probe.inFrameCard(new URL(frame.url()).pathname, shownCardText)) ?? '';
  await expect.poll(popover, { timeout: 8000 }).toContain(text);
  return popover();
}

/** Hovers each term of edges.html in turn; each popover must lie inside the visible part of the page. */
async function expectPopoversInView(probe: WatchedPage): Promise<void> {
  const edges = [
    ['#top-left', '一区五城'],
    ['#top', '三区一极'],
    ['#top-right', '太极拳'],
    ['#left', '焦作高新区'],
    ['#right', '一区五城'],
    ['#bottom-left', '三区一极'],
    ['#bottom', '太极拳'],
    ['#bottom-right', '焦作高新区'],
  ] as const;
  for (const [selector, term] of edges) {
    const popover = await probe.hover(selector, term);
    expectInside(popover.box, await probe.viewport(), selector);
    expect(popover.box.height, selector).toBeGreaterThan(60);
  }
}

function expectInside(
  box: PopoverState['box'],
  visible: { left: number; top: number; right: number; bottom: number },
  where: string,
): void {
  expect(box.left, `${where}: left`).toBeGreaterThanOrEqual(visible.left);
  expect(box.top, `${where}: top`).toBeGreaterThanOrEqual(visible.top);
  expect(box.right, `${where}: right`).toBeLessThanOrEqual(visible.right);
  expect(box.bottom, `${where}: bottom`).toBeLessThanOrEqual(visible.bottom);
}

function screenshotPath(name: string): string {
  return `${process.env.JPL_SCREENSHOT_DIR ?? '/tmp'}/${name}`;
}
