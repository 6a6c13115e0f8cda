/**
 * The welcome page in a real Chromium: it opens when the extension is installed into a fresh profile, not
 * when the browser starts again on that profile, nor when the extension is updated; its example sentence
 * shows the popover on hover (the page runs the lens itself). The 0.1 site list, left in storage.local,
 * is found in storage.sync after the update. Screenshots in light and dark themes go to JPL_SCREENSHOT_DIR
 * (default /tmp/jpl-screens).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { EXTENSION_DIR, findWelcomePage, launchExtension, type ExtensionHarness } from './harness';
import { highlightCountInPage, highlightedTexts, pointOf } from './page-tools';
import { popoverText } from './card-tools';

const SHOTS = process.env.JPL_SCREENSHOT_DIR || '/tmp/jpl-screens';

/** The part of chrome://extensions' private API used here. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  reload(extensionId: string, options: { failQuietly: boolean }): Promise<void>;
}

describe('onboarding', () => {
  // A copy of the built extension, whose version the update below raises, and a profile kept across launches.
  const work = mkdtempSync(join(tmpdir(), 'jpl-onboarding-'));
  const extensionDir = join(work, 'extension');
  const userDataDir = join(work, 'profile');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  mkdirSync(userDataDir);
  mkdirSync(SHOTS, { recursive: true });
  let h: ExtensionHarness | null = null;
  const launch = async () => (h = await launchExtension({ extensionDir, userDataDir, keepWelcomePage: true }));
  // Each test's browser is closed after it, passed or failed: the next one launches on the same profile.
  afterEach(async () => {
    await h?.close();
    h = null;
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('opens the welcome page on install, with a live example, the shortcuts and the privacy promise', async () => {
    const harness = await launch();
    const welcome = (await findWelcomePage(harness.context))!;
    expect(welcome).not.toBeNull();
    await welcome.waitForLoadState('load');
    await welcome.bringToFront();
    await expect.poll(() => welcome.locator('h1').textContent()).toBe('Welcome to Jiaozuo Policy Lens');
    expect(await welcome.locator('.privacy').textContent()).toContain('Policy Lens makes no network requests.');
    // Chrome keeps a new extension's button out of the toolbar: the page says how to pin it.
    expect(await welcome.locator('section[aria-labelledby="pin"]').textContent()).toContain(
      'Click the Extensions button (the puzzle piece) at the right of the address bar, then the pin beside Jiaozuo Policy Lens.',
    );
    await expect
      .poll(() => welcome.locator('.shortcut[data-command="next-term"] kbd').textContent())
      .toBe('Alt+Shift+J');

    // The example is highlighted and explained on hover, as on any web page.
    await expect.poll(async () => (await highlightedTexts(welcome)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // …and only the example: the page's own name (焦作政策词汇助读) and words are not reading matter.
    const outsideExample = await welcome.evaluate(() =>
      [...CSS.highlights.values()]
        .flatMap((highlight) => [...highlight])
        .map((range) => (range as AbstractRange).startContainer.parentElement!)
        .filter((element) => !element.closest('#welcome-example'))
        .map((element) => element.textContent),
    );
    expect(outsideExample).toEqual([]);
    // Pointed at where the term is now, with a small real move each time: the page may still move the term once its
    // fonts load or it renders again, and a term that arrives under a resting pointer opens no card until the
    // pointer moves (the lens's guard against pages that slide terms under it), as a reader's pointer would.
    await welcome.evaluate(() => document.fonts.ready);
    let nudge = 0;
    await expect
      .poll(
        async () => {
          const point = await pointOf(welcome, '#welcome-example', '一区五城');
          nudge = 1 - nudge;
          await welcome.mouse.move(point.x + nudge, point.y);
          return (await popoverText(welcome)) ?? '';
        },
        { timeout: 10_000, interval: 300 },
      )
      .toContain('One Zone, Five Cities');
    for (const scheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme: scheme });
      await welcome.screenshot({ path: `${SHOTS}/welcome-${scheme}.png`, fullPage: true });
    }
    await welcome.close();

    expect(harness.externalRequests).toEqual([]);
    expect(harness.extensionErrors).toEqual([]);
  });

  // Chromium reports an 'install' again at this start (the extension is loaded with --load-extension):
  // lib/onboarding remembers that the page was shown.
  test('does not open it again when the browser starts again on the same profile', async () => {
    const harness = await launch();
    expect(await findWelcomePage(harness.context, 3000)).toBeNull();
    expect(harness.extensionErrors).toEqual([]);
  });

  test('does not open it on an update, and the old local site list survives it, now synced', async () => {
    const harness = await launch();
    const manifestPath = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '99.0.0' }));
    // As 0.1 left the per-site switch: in storage.local (moved to sync when the background next starts). And
    // without the note that the welcome page was shown, which 0.1 did not keep: only the update's reason
    // keeps the page closed.
    await harness.serviceWorker.evaluate(async () => {
      await chrome.storage.local.set({ disabledSites: ['news.example.cn', '127.0.0.1'] });
      await chrome.storage.local.remove('welcomeShown');
    });
    // Reloaded from chrome://extensions in developer mode, as a developer updates an unpacked extension
    // (chrome.runtime.reload() leaves a command-line extension disabled when developer mode is off).
    const extensions = await harness.context.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(async (id) => {
      const { developerPrivate } = (window as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome;
      await developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
      await developerPrivate.reload(id, { failQuietly: false });
    }, harness.extensionId);
    await extensions.close();
    // The updated extension, seen from one of its pages (Playwright does not always report the new worker).
    const options = await harness.context.newPage();
    await expect
      .poll(
        async () => {
          // Blocked while the extension reloads.
          await options.goto(`${harness.extensionOrigin}/options.html`).catch(() => {});
          return options.evaluate(() => chrome.runtime.getManifest().version).catch(() => null);
        },
        { timeout: 20_000 },
      )
      .toBe('99.0.0');
    // The update's onInstalled ('update') has had time to run: no welcome page.
    expect(await findWelcomePage(harness.context, 3000)).toBeNull();

    const stored = () =>
      options.evaluate(async () => ({
        synced: (await chrome.storage.sync.get('disabledSites')).disabledSites as unknown,
        local: (await chrome.storage.local.get('disabledSites')).disabledSites as unknown,
      }));
    // The background moves the list when it starts after the update, which may be a moment after the page loads.
    await expect
      .poll(stored, { timeout: 10_000 })
      .toEqual({ synced: ['news.example.cn', '127.0.0.1'], local: undefined });
    await expect
      .poll(() => options.locator('.site-list li .site').allTextContents(), { timeout: 5000 })
      .toEqual(['news.example.cn', '127.0.0.1']);
    await options.close();
    // …and the lens stays off there.
    const page = await harness.openPage('/article.html');
    // A check that nothing appears: a second is well past when the lens highlights this page where it runs.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(highlightCountInPage)).toBe(0);
  });
});
