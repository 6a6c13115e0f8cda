/**
 * Hostile and unusual pages (tests/fixtures/hostile/), in a real Chromium with the built extension: each
 * page must go on working as if we were not there, and the extension must still do its job (find and
 * highlight the terms, explain one on hover) or step aside cleanly. One browser serves every case.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionHarness } from './harness';
import {
  dialogs,
  expectListenersReached,
  expectNoRequests,
  expectPageUntouched,
  forgetBackgroundPage,
  openWatched,
  type PopoverState,
} from './hostile-tools';

/** A card a reader can read: shown, opaque, dark text at its own size on its own background. */
function expectLegible(popover: PopoverState): void {
  expect(popover.style).toMatchObject({ visibility: 'visible', opacity: '1', fontSize: '14px', color: 'rgb(28, 25, 23)', textFill: 'rgb(28, 25, 23)' });
  expect(popover.style.letterSpacing).toBe('normal');
  expect(popover.style.writingMode).toBe('horizontal-tb');
  expect(popover.box.width).toBeGreaterThan(150);
  expect(popover.box.height).toBeGreaterThan(60);
}

function screenshotPath(name: string): string {
  return `${process.env.JPL_SCREENSHOT_DIR ?? '/tmp'}/${name}`;
}

let h: ExtensionHarness;
beforeAll(async () => {
  h = await launchExtension();
}, 90_000);
afterAll(async () => {
  forgetBackgroundPage();
  await h?.close();
}, 60_000);

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
    await probe.page.mouse.click(...Object.values(await probe.run(() => {
      const r = document.querySelector('#count')!.getBoundingClientRect();
      return [r.left + 5, r.top + 5];
    })) as [number, number]);
    expect(await probe.main('window.pageClicks')).toBe(1);
    await expectPageUntouched(probe, { focused: 'button' });
    await probe.close();
  });

  test('a page that claims our host’s tag name as its own custom element', async () => {
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
    expect(popover.topmostAtCentre, 'the card is on top of the page’s bar').toBe('jpl-lens');
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
    expect(await probe.run(() => document.querySelector('jpl-lens')!.shadowRoot!.styleSheets.length + document.querySelector('jpl-lens')!.shadowRoot!.adoptedStyleSheets.length)).toBeGreaterThan(0);
    expect((await probe.watch()).violations).toEqual([]);
    expect(h.consoleMessages.filter((m) => /Trusted|Content Security Policy/i.test(m.text))).toEqual([]);
    await expectPageUntouched(probe);
    await probe.close();
  });
});

test('no page raised a dialog, and nothing left the machine', () => {
  expect(dialogs).toEqual([]);
  expectNoRequests(h);
  expect(h.extensionErrors).toEqual([]);
});
