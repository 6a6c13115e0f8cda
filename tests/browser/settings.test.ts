/**
 * Settings in a real Chromium with the built extension: the options page changes a tab that is already
 * open, without a reload (highlight style, pinyin, tone colours, translation, the card's view, theme and text
 * size, the hover delay, popover trigger); the sites
 * switched off from the options page; corrupt stored settings; the keyboard commands; the context menu's
 * lookup; and the popup on a site the reader has not given access to. Screenshots in light and dark themes
 * go to JPL_SCREENSHOT_DIR (default /tmp/jpl-screens).
 */
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtension } from './use-harness';
import { hasCardHost, inCard, popoverText } from './card-tools';
import {
  highlightCountInPage,
  highlightedTexts,
  pointOf,
  tabIdOf,
  termStyleInPage,
  waitForPageTerms,
} from './page-tools';
import { openPopupOver, optionTexts } from './popup-tools';

const SHOTS = process.env.JPL_SCREENSHOT_DIR || '/tmp/jpl-screens';
/** What tests/fixtures/article.html holds (content-script.test.ts says why each count is what it is). */
const ARTICLE_TERMS = {
  焦作: 2,
  一区五城: 2,
  高质量发展: 1,
  三十工程: 1,
  焦作高新区: 1,
  '25311': 1,
  '“345”创新行动': 1,
  焦作市城乡一体化示范区: 1,
  三区一极: 1,
  五城: 1,
  云台山: 1,
  太极拳: 1,
};

/** Marks the page's window: the mark is gone if the page was reloaded. */
const markWindow = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
const stillSameWindow = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);

/** How the page paints our terms (the highlight style in force), from the style the page computes for them. */
async function paintedStyle(page: Page): Promise<'underline' | 'background' | 'none'> {
  const style = await page.evaluate(termStyleInPage);
  return style === null ? 'none' : style.decoration.includes('underline') ? 'underline' : 'background';
}

describe('settings', () => {
  const h = useExtension();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  async function hover(page: Page, selector: string, text: string) {
    await page.mouse.move(5, 5);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toBeNull();
    const point = await pointOf(page, selector, text);
    await page.mouse.move(point.x, point.y);
    return point;
  }

  test('the options page changes an open tab at once, without a reload', async () => {
    const page = await h.openPage('/article.html');
    expect(await waitForPageTerms(h, page, ARTICLE_TERMS)).toEqual(ARTICLE_TERMS);
    await markWindow(page);
    const options = await h.openOptions();
    await page.bringToFront();

    // Highlight style: the terms move to the background highlight; then to none, and hovering still explains.
    await options.locator('input[name=highlightStyle][value=background]').check();
    await expect.poll(() => paintedStyle(page)).toBe('background');
    expect(await highlightedTexts(page)).toContain('焦作高新区');
    await options.locator('input[name=highlightStyle][value=none]').check();
    await expect.poll(() => paintedStyle(page)).toBe('none');
    await hover(page, '#zone', '焦作高新区');
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toContain('Jiaozuo High-tech Zone');
    await options.locator('input[name=highlightStyle][value=underline]').check();
    await expect.poll(() => paintedStyle(page)).toBe('underline');
    expect(await highlightedTexts(page)).toContain('焦作高新区');

    // Pinyin with tone numbers, tone colours, no translation; the card opened in full, dark, in larger type, after
    // a longer rest: the next popover shows them.
    await options.locator('input[name=pinyinStyle][value=numbers]').check();
    await options.getByLabel('Colour the pinyin by tone').check();
    await options.getByLabel('Show the English translation of the source sentence').uncheck();
    await options.locator('input[name=cardView][value=full]').check();
    await options.locator('input[name=cardTheme][value=dark]').check();
    await options.locator('input[name=cardFontSize][value="16"]').check();
    await options.locator('input[name=hoverDelayMs][value="350"]').check();
    await hover(page, '#zone', '焦作高新区');
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('jiao1 zuo4 gao1 xin1 qu1');
    const popover = await inCard(page, (root) => {
      const tone = root.querySelector('.pinyin .tone4');
      const card = root.querySelector('.card')!;
      return {
        tone4: tone ? getComputedStyle(tone).color : null,
        sentences: root.querySelectorAll('blockquote').length,
        translation: root.querySelectorAll('.translation').length,
        dark: card.classList.contains('theme-dark'),
        fontSize: getComputedStyle(card).fontSize,
      };
    });
    expect(popover).toEqual({
      tone4: 'rgb(196, 181, 253)',
      sentences: 1,
      translation: 0,
      dark: true,
      fontSize: '16px',
    });

    // Trigger: click. Pointing no longer opens the popover; a click does, and it stays when the pointer leaves.
    await options.locator('input[name=popoverTrigger][value=click]').check();
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toBeNull(); // a change of trigger closes it
    const point = await hover(page, '#zone', '焦作高新区');
    // Checks that the card does NOT open (or close): each waits longer than a hover takes to open it.
    await page.waitForTimeout(600);
    expect(await popoverText(page)).toBeNull();
    // The page's own synthetic click does not open it: only the reader's.
    await page.evaluate(
      ({ x, y }) =>
        document
          .elementFromPoint(x, y)!
          .dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true })),
      point,
    );
    await page.waitForTimeout(300); // see above: a check that nothing opens
    expect(await popoverText(page)).toBeNull();
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600); // a check that it does NOT close
    expect(await popoverText(page)).not.toBeNull();
    await page.mouse.click(5, 5); // a click elsewhere closes it
    await expect.poll(() => popoverText(page)).toBeNull();

    // Trigger: pointing while holding Shift.
    await options.locator('input[name=popoverTrigger][value=shift-hover]').check();
    const again = await hover(page, '#zone', '焦作高新区');
    await page.waitForTimeout(600); // a check that nothing opens without Shift
    expect(await popoverText(page)).toBeNull();
    await page.keyboard.down('Shift');
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    await page.keyboard.up('Shift');
    await page.mouse.move(5, 5);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toBeNull();
    await page.keyboard.down('Shift');
    await page.mouse.move(again.x, again.y);
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    await page.keyboard.up('Shift');

    // Stored in sync, and the options page shows what is stored after a reload of its own.
    const stored = await h.serviceWorker.evaluate(
      async () => (await chrome.storage.sync.get('lensSettings')).lensSettings,
    );
    expect(stored).toEqual({
      highlightStyle: 'underline',
      toneColours: true,
      pinyinStyle: 'numbers',
      popoverTrigger: 'shift-hover',
      showTranslation: false,
      markFirstOnly: false,
      unmarkedTerms: [],
      hoverDelayMs: 350,
      cardView: 'full',
      cardTheme: 'dark',
      cardFontSize: 16,
    });
    await options.reload();
    expect(await options.locator('input[name=popoverTrigger][value=shift-hover]').isChecked()).toBe(true);

    // The learning history switch is the Learn page's setting, shared (sync:learningSettings).
    await h.serviceWorker.evaluate(async () => {
      const { learningSettings } = await chrome.storage.sync.get('learningSettings');
      await chrome.storage.sync.set({ learningSettings: { ...(learningSettings as object), speakOnReveal: true } });
    });
    await options.getByLabel('Remember where I met saved terms on the web').uncheck();
    const learning = () =>
      h.serviceWorker.evaluate(async () => (await chrome.storage.sync.get('learningSettings')).learningSettings);
    await expect.poll(learning).toMatchObject({ historyEnabled: false, speakOnReveal: true });

    // Reset: the defaults, on the page too; the Learn page's own settings stay.
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect.poll(learning).toMatchObject({ historyEnabled: true, historyAllTerms: false, speakOnReveal: true });
    await expect.poll(() => options.locator('input[name=popoverTrigger][value=hover]').isChecked()).toBe(true);
    await hover(page, '#zone', '焦作高新区');
    await expect.poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 }).toContain('jiāo zuò gāo xīn qū');
    expect(await inCard(page, (root) => root.querySelector('.panel')!.classList.contains('tone-colours'))).toBe(false);

    expect(await stillSameWindow(page)).toBe(true);
    await options.close();
    await page.close();
  });

  test('the options page switches sites off and on, and says when the synced list is full', async () => {
    const page = await h.openPage('/article.html');
    expect(await waitForPageTerms(h, page, ARTICLE_TERMS)).toEqual(ARTICLE_TERMS);
    await markWindow(page);
    const options = await h.openOptions();
    await options.getByLabel('Turn off on').fill('http://127.0.0.1:1234/some/page.html');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.locator('.site-list li .site').allTextContents()).toEqual(['127.0.0.1']);
    await expect.poll(() => page.evaluate(highlightCountInPage)).toBe(0);
    expect(await hasCardHost(page)).toBe(false);

    // Not a site: said so, nothing stored.
    await options.getByLabel('Turn off on').fill('not a site');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.locator('.site-message').textContent()).toContain('is not a site');

    await options.getByRole('button', { name: 'Turn Policy Lens back on for 127.0.0.1' }).click();
    await expect.poll(() => highlightedTexts(page)).toContain('焦作高新区');
    await expect.poll(() => options.locator('.site-list li').count()).toBe(0);
    expect(await stillSameWindow(page)).toBe(true);

    // A list that fills storage.sync's 8 KB item: the next site is refused with a message, nothing lost.
    const filled = await h.serviceWorker.evaluate(async () => {
      const sites: string[] = [];
      for (let i = 0; JSON.stringify([...sites, `site-${i}.example.org`]).length + 'disabledSites'.length <= 8192; i++)
        sites.push(`site-${i}.example.org`);
      await chrome.storage.sync.set({ disabledSites: sites });
      return sites.length;
    });
    await expect.poll(() => options.locator('.site-list li').count()).toBe(filled);
    await options.getByLabel('Turn off on').fill('one-more.example.org');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => options.locator('.site-message.error').textContent())
      .toContain(`The list is full (${filled} sites)`);
    expect(
      await h.serviceWorker.evaluate(
        async () => ((await chrome.storage.sync.get('disabledSites')).disabledSites as string[]).length,
      ),
    ).toBe(filled);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.screenshot({ path: `${SHOTS}/options-${scheme}.png`, fullPage: true });
    }
    await h.serviceWorker.evaluate(() => chrome.storage.sync.remove('disabledSites'));
    await options.close();
    await page.close();
  });

  test('a corrupt stored setting falls back to its default; the page keeps working', async () => {
    await h.serviceWorker.evaluate(() =>
      chrome.storage.sync.set({
        lensSettings: { highlightStyle: 'sparkles', pinyinStyle: 'numbers', popoverTrigger: 42 },
        disabledSites: 'all of them',
      }),
    );
    const page = await h.openPage('/article.html');
    expect(await waitForPageTerms(h, page, ARTICLE_TERMS)).toEqual(ARTICLE_TERMS);
    expect(await paintedStyle(page)).toBe('underline');
    await hover(page, '#zone', '焦作高新区');
    await expect.poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 }).toContain('jiao1 zuo4'); // the valid field is kept
    const options = await h.openOptions();
    expect(await options.locator('input[name=highlightStyle][value=underline]').isChecked()).toBe(true);
    expect(await options.locator('input[name=pinyinStyle][value=numbers]').isChecked()).toBe(true);
    await h.serviceWorker.evaluate(() => chrome.storage.sync.remove(['lensSettings', 'disabledSites']));
    await options.close();
    await page.close();
  });

  test('keyboard commands: step through terms, pause the page; the shortcuts are listed and can be changed', async () => {
    const page = await h.openPage('/article.html');
    expect(await waitForPageTerms(h, page, ARTICLE_TERMS)).toEqual(ARTICLE_TERMS);
    const tabId = await tabIdOf(h, page);

    // The real key chord first. Chromium binds extension commands to the browser window's accelerators, which
    // Playwright's keyboard (input events sent to the page) does not reach, at least headless: if the chord
    // does nothing, the command is dispatched to the background's own onCommand listeners instead, with the
    // page's tab, as the browser would.
    await page.keyboard.press('Alt+Shift+J');
    // A check that ends early if the chord works: it has half a second to mark a term.
    const chordWorked = await expect
      .poll(async () => (await highlightedTexts(page, 'focus')).length, { timeout: 500 })
      .toBeGreaterThan(0)
      .then(
        () => true,
        () => false,
      );
    const command = (name: string) =>
      h.serviceWorker.evaluate(
        async ([commandName, id]) => {
          const tab = await chrome.tabs.get(id);
          (chrome.commands.onCommand as unknown as { dispatch(command: string, tab: object): void }).dispatch(
            commandName,
            tab,
          );
        },
        [name, tabId] as const,
      );
    if (!chordWorked) await command('next-term');
    console.info(
      `keyboard command: the real chord ${chordWorked ? 'fired' : 'did not fire; dispatched through commands.onCommand'}`,
    );
    await expect.poll(() => highlightedTexts(page, 'focus')).toEqual(['焦作']);
    await expect.poll(async () => (await popoverText(page)) ?? '').toContain('Jiaozuo');
    await command('next-term');
    await expect.poll(() => highlightedTexts(page, 'focus')).toEqual(['一区五城']);
    await command('previous-term');
    await expect.poll(() => highlightedTexts(page, 'focus')).toEqual(['焦作']);

    // Pause the lens on this page, and resume it: nothing is stored, other pages are not affected.
    await markWindow(page);
    await command('toggle-highlighting');
    await expect.poll(() => page.evaluate(highlightCountInPage)).toBe(0);
    expect(await hasCardHost(page)).toBe(false);
    const popup = await openPopupOver(h, page);
    await expect.poll(() => popup.locator('.list-view').textContent()).toContain('Paused on this page.');
    expect(await popup.getByRole('switch').isChecked()).toBe(true);
    await popup.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => highlightedTexts(page)).toContain('焦作高新区');
    await expect.poll(async () => (await optionTexts(popup)).length).toBeGreaterThan(0);
    await popup.close();
    await command('toggle-highlighting');
    await expect.poll(() => page.evaluate(highlightCountInPage)).toBe(0);
    await command('toggle-highlighting');
    await expect.poll(() => highlightedTexts(page)).toContain('焦作高新区');
    expect(await stillSameWindow(page)).toBe(true);
    expect(
      await h.serviceWorker.evaluate(async () =>
        Object.keys(await chrome.storage.sync.get(['disabledSites', 'lensSettings'])),
      ),
    ).toEqual([]);

    // The options page and the popup's menu list the bindings the browser has.
    const options = await h.openOptions();
    const binding = (on: Page, name: string) => on.locator(`.shortcut[data-command="${name}"] kbd`).textContent();
    await expect.poll(() => binding(options, 'next-term')).toBe('Alt+Shift+J');
    expect(await binding(options, 'previous-term')).toBe('Alt+Shift+K');
    expect(await binding(options, 'toggle-highlighting')).toBe('Alt+Shift+L');
    expect(await binding(options, '_execute_action')).toBe('Alt+Shift+U');
    expect(await options.locator('.shortcut[data-command="_execute_action"] dd').textContent()).toBe(
      'Open the Policy Lens popup',
    );
    // Chrome's shortcut page cannot be a link; the button opens it in a tab.
    const [shortcutsPage] = await Promise.all([
      h.context.waitForEvent('page'),
      options.getByRole('button', { name: 'Change shortcuts…' }).click(),
    ]);
    await expect.poll(() => shortcutsPage.url()).toBe('chrome://extensions/shortcuts');
    await shortcutsPage.close();
    await options.close();

    const menuPopup = await openPopupOver(h, page);
    await menuPopup.locator('.popup-menu summary').click();
    await expect.poll(() => binding(menuPopup, 'next-term')).toBe('Alt+Shift+J');
    await menuPopup.close();
    await page.close();
  });

  test('the context menu looks a selection up in the glossary, and says when nothing matches', async () => {
    const page = await h.openPage('/article.html');
    expect(await waitForPageTerms(h, page, ARTICLE_TERMS)).toEqual(ARTICLE_TERMS);
    const tabId = await tabIdOf(h, page);
    const lookUp = async (selectionText: string) => {
      const [glossaryPage] = await Promise.all([
        h.context.waitForEvent('page'),
        h.serviceWorker.evaluate(
          async ([id, text, pageUrl]) => {
            const tab = await chrome.tabs.get(id);
            const info = { menuItemId: 'lookup-selection', selectionText: text, pageUrl, editable: false };
            (chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void }).dispatch(
              info,
              tab,
            );
          },
          [tabId, selectionText, page.url()] as const,
        ),
      ]);
      await glossaryPage.waitForLoadState('load');
      return glossaryPage;
    };

    // The item exists (update() fails on an unknown id), on selections only.
    expect(
      await h.serviceWorker.evaluate(() =>
        chrome.contextMenus.update('lookup-selection', { contexts: ['selection'] }).then(
          () => 'exists',
          (error: Error) => error.message,
        ),
      ),
    ).toBe('exists');
    expect(
      await h.serviceWorker.evaluate(() =>
        chrome.contextMenus.update('no-such-item', {}).then(
          () => 'exists',
          () => 'missing',
        ),
      ),
    ).toBe('missing');

    // A whole sentence: the glossary terms it contains, in order.
    const sentence = await page.locator('#zone').textContent();
    const found = await lookUp(sentence!);
    expect(found.url()).toMatch(/\/glossary\.html#lookup=/);
    await expect.poll(() => found.locator('.lookup-summary').textContent()).toContain('3 glossary terms in this text');
    expect(await found.locator('.entry-term').allTextContents()).toEqual(['焦作高新区', '25311', '“345”创新行动']);
    // Beside the page it was looked up from.
    const tabs = await h.serviceWorker.evaluate(async (id) => {
      const source = await chrome.tabs.get(id);
      const all = await chrome.tabs.query({ windowId: source.windowId });
      return all.map((t) => t.index === source.index + 1 && t.openerTabId === id).some(Boolean);
    }, tabId);
    expect(tabs).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await found.emulateMedia({ colorScheme: scheme });
      await found.screenshot({ path: `${SHOTS}/lookup-${scheme}.png` });
    }
    await found.close();

    // A single term opens at once.
    const single = await lookUp('一区五城');
    await expect
      .poll(() => single.locator('.entry-toggle[aria-expanded=true] .entry-term').allTextContents())
      .toEqual(['一区五城']);
    await single.close();

    // Nothing.
    const nothing = await lookUp('今天天气很好');
    await expect
      .poll(() => nothing.locator('.lookup-summary').textContent())
      .toBe('No glossary term matches this text.');
    expect(await nothing.locator('.entry').count()).toBe(0);
    await nothing.close();
    await page.close();
  });

  test('the popup says when it has no access to the site, and asks for it', async () => {
    // Site access withheld as the reader would in chrome://extensions ("On click"), through the page's own API.
    const setAccess = async (hostAccess: 'ON_CLICK' | 'ON_ALL_SITES') => {
      const extensions = await h.context.newPage();
      await extensions.goto('chrome://extensions');
      await extensions.evaluate(
        ([extensionId, access]) =>
          (
            window as unknown as {
              chrome: { developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> } };
            }
          ).chrome.developerPrivate.updateExtensionConfiguration({
            extensionId,
            hostAccess: access,
          }),
        [h.extensionId, hostAccess] as const,
      );
      await extensions.close();
    };
    await setAccess('ON_CLICK');
    try {
      const page = await h.openPage('/article.html');
      // A check that nothing appears: a second is well past when the lens highlights this page where it runs.
      await page.waitForTimeout(1000);
      expect(await page.evaluate(highlightCountInPage)).toBe(0);
      const popup = await openPopupOver(h, page);
      // The popup opened by the tests gets no activeTab grant (a click on the toolbar button would give it),
      // so it cannot see the address: it offers access to all sites rather than to 127.0.0.1.
      await expect
        .poll(() => popup.locator('.access-notice').textContent(), { timeout: 10_000 })
        .toContain('you have limited the sites Policy Lens may read');
      const allow = popup.getByRole('button', { name: 'Allow on all sites' });
      expect(await allow.isVisible()).toBe(true);
      expect(await popup.getByRole('switch').count()).toBe(0);
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.screenshot({ path: `${SHOTS}/popup-no-access-${scheme}.png` });
      }

      // The browser's permission prompt cannot be answered here: access is granted first as the reader would,
      // so that permissions.request, called from the click, resolves at once; then the popup reloads the tab.
      await setAccess('ON_ALL_SITES');
      await allow.click();
      await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toContain('焦作高新区');
      await expect.poll(() => popup.getByRole('switch').count(), { timeout: 10_000 }).toBe(1);
      await popup.close();
      await page.close();
    } finally {
      await setAccess('ON_ALL_SITES');
    }
  });

  test('makes no network request and logs no error', () => {
    // chrome://extensions, opened to withhold site access and to change shortcuts, loads chrome:// resources.
    expect(h.externalRequests.filter((request) => !request.url.startsWith('chrome://'))).toEqual([]);
    expect(h.extensionErrors).toEqual([]);
  });
});
