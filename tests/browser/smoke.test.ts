/**
 * Smoke test in a real Chromium with the built extension (see harness.ts):
 * - the content script highlights glossary terms on a plain Chinese news page (CSS Custom Highlight
 *   API) without changing the page's DOM (its body: our card's host goes beside it, on the first hover);
 * - the popup shows the number of entries in glossary/generated/glossary.json, without console errors;
 * - nothing the browser did left the machine.
 *
 * JPL_POPUP_SCREENSHOT=/path/file.png saves a screenshot of the popup.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { GLOSSARY_JSON } from './harness';
import { useExtension } from './use-harness';
import { highlightedTexts } from './page-tools';

interface GlossaryJson {
  entries: { term: string; aliases?: string[] }[];
  documents?: unknown[];
}

function readGlossary(): GlossaryJson {
  if (!existsSync(GLOSSARY_JSON)) {
    throw new Error(`${GLOSSARY_JSON} does not exist: the glossary build did not run (npm run glossary -- build).`);
  }
  const glossary = JSON.parse(readFileSync(GLOSSARY_JSON, 'utf8')) as GlossaryJson;
  if (!Array.isArray(glossary.entries) || glossary.entries.length === 0) {
    throw new Error(`${GLOSSARY_JSON} has no entries.`);
  }
  return glossary;
}

/** Installed before the page's own scripts: keeps the body's markup as parsed, at DOMContentLoaded. */
function recordInitialBody(): void {
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      (window as unknown as { __jplInitialBody?: string }).__jplInitialBody = document.body.outerHTML;
    },
    { capture: true, once: true },
  );
}

/** Body markup of the live page, the DOMContentLoaded snapshot, and the fixture re-parsed from the server. */
async function bodySnapshots(page: Page): Promise<{ now: string; atDomContentLoaded: string; parsed: string }> {
  return page.evaluate(async () => {
    const markup = (body: HTMLElement): string => body.outerHTML;
    const toBody = (html: string): HTMLElement => new DOMParser().parseFromString(html, 'text/html').body;
    const source = await (await fetch(location.href, { cache: 'no-store' })).text();
    const initial = (window as unknown as { __jplInitialBody?: string }).__jplInitialBody;
    return {
      now: markup(document.body),
      // The snapshot is a serialisation; parse and re-serialise it the same way as the others.
      atDomContentLoaded:
        initial === undefined
          ? '(no DOMContentLoaded snapshot)'
          : markup(toBody(`<!doctype html><html><head></head>${initial}</html>`)),
      parsed: markup(toBody(source)),
    };
  });
}

describe('smoke: the built extension in Chromium', () => {
  const h = useExtension();

  test('loads, with an MV3 service worker', () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    expect(h.serviceWorker.url()).toBe(`${h.extensionOrigin}/background.js`);
  });

  test('highlights glossary terms on a news page without changing its DOM', async () => {
    const glossary = readGlossary();
    const page = await h.openPage('/smoke.html', { initScript: recordInitialBody });
    expect(await page.evaluate(() => document.characterSet)).toBe('UTF-8');

    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);

    // The highlighted ranges cover whole glossary terms (or their aliases), not neighbouring characters.
    const highlighted = await highlightedTexts(page);
    const known = new Set(glossary.entries.flatMap((e) => [e.term, ...(e.aliases ?? [])]));
    expect(
      highlighted.filter((t) => !known.has(t)),
      `highlighted: ${highlighted.join(' | ')}`,
    ).toEqual([]);
    expect(highlighted.some((t) => ['焦作高新区', '高质量发展', '一区五城'].includes(t))).toBe(true);

    // A check that the DOM is NOT changed: any late DOM work by the content script is given a moment to happen.
    await page.waitForTimeout(500);
    const snap = await bodySnapshots(page);
    expect(snap.parsed).toContain('焦作高新区');
    expect(snap.atDomContentLoaded, 'body at DOMContentLoaded vs the fixture as parsed').toBe(snap.parsed);
    expect(snap.now, 'body after highlighting vs the fixture as parsed').toBe(snap.parsed);
    await page.close();
  });

  test('the popup shows the number of glossary entries and logs no errors', async () => {
    const glossary = readGlossary();
    const n = glossary.entries.length;
    const popup = await h.openPopup();
    const counts = new RegExp(`(^|\\D)(${n}|${n.toLocaleString('en-US')}) terms\\b`);
    await popup.waitForFunction((source) => new RegExp(source).test(document.body.innerText), counts.source, {
      timeout: 10_000,
    });
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toMatch(counts);
    if (Array.isArray(glossary.documents)) {
      expect(text).toMatch(new RegExp(`(^|\\D)${glossary.documents.length} source articles?\\b`));
    }
    expect(await popup.locator('h1, h2, [role="heading"]').count()).toBeGreaterThan(0);

    const shot = process.env.JPL_POPUP_SCREENSHOT;
    if (shot) await popup.screenshot({ path: shot, fullPage: true });

    // A check that no error is logged: late ones (e.g. a rejected storage call) are given time to arrive.
    await popup.waitForTimeout(300);
    expect(h.extensionErrors).toEqual([]);
    await popup.close();
  });

  test('no request left the machine', () => {
    expect(h.externalRequests).toEqual([]);
    expect(h.extensionErrors).toEqual([]);
  });
});
