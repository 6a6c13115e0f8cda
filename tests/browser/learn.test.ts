/**
 * The Learn page in the built extension: saving (from the study list and from a term's card on a page), review
 * from the keyboard with siblings buried and undo, the exports as the programs that open them read them, and
 * backup refusal.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useExtension } from './use-harness';
import { highlightedTexts, pointOf } from './page-tools';
import { cardButtons, clickInCard, popoverText } from './card-tools';

describe('Learn page', () => {
  const h = useExtension();

  /** A Learn page on a fresh start: what earlier tests saved is gone. */
  async function freshLearnPage(tab: string): Promise<Page> {
    const page = await h.openExtensionPage(`learn.html#${tab}`);
    await page.evaluate(() => Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]));
    await page.reload();
    await page.waitForSelector('[role=tablist]');
    return page;
  }

  async function addTerms(page: Page, terms: string[]): Promise<void> {
    await page.getByRole('tab', { name: /Study list/ }).click();
    for (const [i, term] of terms.entries()) {
      await page.getByLabel('Add a term').fill(term);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect.poll(() => page.locator('.study-list tbody tr').count()).toBe(i + 1);
    }
  }

  /** Opens the card of `term` at its occurrence inside `selector`, and saves it from there. */
  async function saveFromCard(page: Page, selector: string, term: string): Promise<void> {
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toContain(term);
    const point = await pointOf(page, selector, term);
    await page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 }).toContain(term);
    await clickInCard(page, `Save ${term} to your study list`);
    await expect.poll(() => cardButtons(page)).toContain(`${term} is on your study list: remove it`);
  }

  async function download(page: Page, button: string): Promise<Buffer> {
    await page.getByRole('tab', { name: 'Export and backup' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return readFileSync((await file.path())!);
  }

  const reviewTab = (page: Page) => page.getByRole('tab', { name: /Review/ }).textContent();
  /** The card on show: what it asks, and its prompt. */
  const shown = async (page: Page) =>
    `${await page.locator('.review-card .direction').textContent()} ${await page.locator('.review-card .prompt').textContent()}`;
  const RECOGNIZE = 'What does it mean, and how is it read?';

  test('a saved term is reviewed with the keyboard and exported for Anki', async () => {
    const page = await freshLearnPage('list');
    await addTerms(page, ['三区一极']);
    await expect.poll(() => page.locator('.study-list').textContent()).toContain('Three Zones, One Pole');

    await page.getByRole('tab', { name: /Review/ }).click();
    await expect.poll(() => reviewTab(page)).toBe('Review (3 due)');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.answer').textContent()).toContain('sān qū yī jí');
    await page.keyboard.press('3');
    // The term's two other cards wait until tomorrow: its first answer would give them away.
    await expect.poll(() => reviewTab(page)).toBe('Review (0 due)');
    await expect.poll(() => page.locator('.stats').textContent()).toContain('1 reviewed today');

    const anki = readAnkiText((await download(page, 'Anki (.txt)')).toString('utf8'));
    expect(anki.notes.map((note) => note.fields.Front)).toEqual(['三区一极']);

    // A malformed backup is refused with a message, and nothing changes.
    await page.locator('input[type=file]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"something else"}'),
    });
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('This file is not a Policy Lens backup.');
    await page.getByRole('tab', { name: /Study list/ }).click();
    await expect.poll(() => page.locator('.study-list tbody tr').count()).toBe(1);
    expect(h.extensionErrors).toEqual([]);
  });

  test('a dictionary word saved from its card on a page is listed, reviewed and exported with its sentence', async () => {
    const learn = await freshLearnPage('list');
    const article = await h.openPage('/words.html');
    // 铿锵 is no glossary term: pointing at it opens the general dictionary's card.
    const point = await pointOf(article, '#plain', '铿');
    await article.mouse.move(point.x, point.y);
    await expect.poll(async () => (await popoverText(article)) ?? '', { timeout: 5000 }).toContain('sonorous');
    await clickInCard(article, 'Save 铿锵 to your study list');
    await expect.poll(() => cardButtons(article)).toContain('铿锵 is on your study list: remove it');

    await learn.bringToFront();
    await expect.poll(() => learn.getByRole('tab', { name: /Study list/ }).textContent()).toBe('Study list (1)');
    const listed = await learn.locator('.study-list').textContent();
    expect(listed).toContain('铿锵');
    expect(listed).toContain('sonorous');

    await learn.getByRole('tab', { name: /Review/ }).click();
    await expect.poll(() => reviewTab(learn)).not.toBe('Review (0 due)');
    await learn.keyboard.press('Space');
    await expect.poll(() => learn.locator('.answer').textContent()).toContain('kēng qiāng');

    const [header, row] = readCsv((await download(learn, 'CSV')).toString('utf8').slice(1));
    const field = (name: string) => row![header!.indexOf(name)];
    expect(field('Term')).toBe('铿锵');
    expect(field('Pinyin')).toBe('kēng qiāng');
    expect(field('Gloss')).toContain('sonorous');
    expect(field('Met on the web')).toBe('新时代的改革者步履铿锵地走向未来。');
    expect(row!.join(' ')).toContain('CC-CEDICT');
    expect(h.extensionErrors).toEqual([]);
  });

  test("review order: a term's other cards wait for tomorrow once one is answered; undo takes answers back", async () => {
    const page = await freshLearnPage('list');
    await addTerms(page, ['三区一极', '一区五城']);
    await page.getByRole('tab', { name: /Review/ }).click();
    await expect.poll(() => reviewTab(page)).toBe('Review (6 due)');
    await expect.poll(() => shown(page)).toBe(`${RECOGNIZE} 三区一极`);

    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    // Not 三区一极's next card, which its answer just gave away: the other term's.
    await expect.poll(() => shown(page)).toBe(`${RECOGNIZE} 一区五城`);
    await expect.poll(() => reviewTab(page)).toBe('Review (3 due)');

    // Z takes the answer back: the card is asked again, its siblings are due again, the day's count forgets it.
    await page.keyboard.press('z');
    await expect.poll(() => shown(page)).toBe(`${RECOGNIZE} 三区一极`);
    await expect.poll(() => reviewTab(page)).toBe('Review (6 due)');
    await expect.poll(() => page.locator('.stats').textContent()).toContain('0 reviewed today');

    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    await expect.poll(() => shown(page)).toBe(`${RECOGNIZE} 一区五城`);
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    // Done for today: the screen says when the next card comes, and why the others wait.
    const done = page.locator('.done');
    await expect.poll(() => done.textContent()).toContain('All done for now. The next card is due tomorrow.');
    expect(await done.textContent()).toContain(
      '4 cards wait until tomorrow, because you reviewed another card of their term today.',
    );
    // The button undoes too, the latest answer first.
    await done.getByRole('button', { name: 'Undo the answer for 一区五城' }).click();
    await expect.poll(() => shown(page)).toBe(`${RECOGNIZE} 一区五城`);
    await expect.poll(() => reviewTab(page)).toBe('Review (3 due)');

    // Without burying, every due card comes.
    await page.getByLabel(/keep its other cards for the next day/).uncheck();
    await expect.poll(() => reviewTab(page)).toBe('Review (5 due)');
    expect(h.extensionErrors).toEqual([]);
  });

  test('saving from a card records the sentence under the pointer, in the history at once', async () => {
    const learn = await freshLearnPage('history');
    const article = await h.openPage('/saved-sentence.html');
    // The first occurrence is the sidebar's headline; the reader saves the term from the article's sentence.
    await saveFromCard(article, '#second', '焦作高新区');

    await learn.bringToFront();
    const term = learn.locator('details', { hasText: '焦作高新区' });
    await expect.poll(() => term.count(), { timeout: 5000 }).toBe(1);
    await term.locator('summary').click();
    expect(await term.locator('li').count()).toBe(1);
    expect(await term.locator('q').textContent()).toBe('会议提出，要推动焦作高新区扩容提质，打造创新高地。');
    expect(await term.locator('li').textContent()).toContain('焦作市召开全市经济工作会议');

    // On another page that uses the term, the page's own report adds where it was met there.
    const news = await h.openPage('/smoke.html');
    await learn.bringToFront();
    await expect.poll(() => term.locator('li').count(), { timeout: 10_000 }).toBe(2);
    expect(await term.locator('li').first().textContent()).toContain(await news.title());
    expect(h.extensionErrors).toEqual([]);
  });

  test('the CSV starts with a byte-order mark and neutralises a sentence a spreadsheet would run', async () => {
    const learn = await freshLearnPage('export');
    const article = await h.openPage('/saved-sentence.html');
    await saveFromCard(article, '#formula', '三区一极');
    await learn.bringToFront();
    await expect.poll(() => learn.getByRole('tab', { name: /Study list/ }).textContent()).toBe('Study list (1)');

    const bytes = await download(learn, 'CSV');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = readCsv(bytes.toString('utf8').slice(1));
    expect(header![0]).toBe('Term');
    const met = row![header!.indexOf('Met on the web')];
    // The page's formula, behind an apostrophe: text to a spreadsheet, not a link it would follow.
    expect(met).toBe('\'=HYPERLINK("https://evil.example","三区一极")是页面里的一个公式。');
    expect(h.extensionErrors).toEqual([]);
  });

  test("the Anki file names its note type, and every field survives Anki's own import rules", async () => {
    const learn = await freshLearnPage('list');
    await addTerms(learn, ['一区五城']);
    const article = await h.openPage('/saved-sentence.html');
    await saveFromCard(article, '#formula', '三区一极');
    await learn.bringToFront();
    await expect.poll(() => learn.locator('.study-list tbody tr').count()).toBe(2);
    // A note holding what the format must carry safely: its separator, quotes, markup, an ampersand.
    const note = learn.getByLabel('Note for 一区五城');
    await note.fill('tab\there, "quoted" <b>not bold</b> & more');
    await note.press('Enter');
    await expect
      .poll(() => learn.evaluate(async () => JSON.stringify(await chrome.storage.local.get('studyList'))))
      .toContain('not bold');

    const anki = readAnkiText((await download(learn, 'Anki (.txt)')).toString('utf8'));
    expect(anki.headers).toMatchObject({ separator: 'tab', html: 'true', notetype: 'Basic', 'deck column': '3' });
    // What stock Anki does with it: Basic's two fields in column order, the deck from its column.
    const notes = anki.notes;
    expect(notes.map((n) => [n.fields.Front, n.deck])).toEqual([
      ['一区五城', 'Jiaozuo Policy Lens'],
      ['三区一极', 'Jiaozuo Policy Lens'],
    ]);
    // Every field of the CSV (every part of every term) is on the card, as the learner reads it.
    const [header, ...rows] = readCsv((await download(learn, 'CSV')).toString('utf8').slice(1));
    for (const [i, row] of rows.entries()) {
      const back = squeeze(notes[i]!.fields.Back!);
      for (const [column, value] of row.entries()) {
        if (column === 0 || value === '') continue;
        expect(back, `${row[0]}: ${header![column]}`).toContain(squeeze(value.replace(/^'(?=[=+\-@\t\r])/, '')));
      }
    }
    expect(squeeze(notes[0]!.fields.Back!)).toContain('Note: tab here, "quoted" <b>not bold</b> & more');
    expect(notes[0]!.html.Back).not.toContain('<b>not bold');

    // The page says which note types the exports use.
    const hints = await learn.locator('#panel').textContent();
    expect(hints).toContain('Anki’s own note type Basic');
    expect(hints).toContain('a note type of their own, “Jiaozuo Policy Lens”');
    expect(h.extensionErrors).toEqual([]);
  });
});

// ---- Readers of the export formats, as the programs that open them read them.

/**
 * Anki's text import, from its manual (docs.ankiweb.net/importing/text-files.html, "File Headers") and its reader
 * (rslib/src/import_export/text/csv): leading lines `#key:value` are headers (a BOM before the first is
 * dropped); then records in CSV form with the header's separator, `"` quoting with doubled quotes inside, a line
 * break inside quotes kept, and any record line starting with `#` skipped as a comment. With `#html:true` a
 * field is HTML; here it is also read as text (tags dropped, `<br>` a line break, entities decoded). The fields
 * fill the note type's in column order, skipping the deck and tags columns: Basic's Front and Back.
 */
function readAnkiText(text: string) {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const headers: Record<string, string> = {};
  let body = 0;
  for (; body < lines.length && lines[body]!.startsWith('#'); body++) {
    const [key, ...value] = lines[body]!.slice(1).split(':');
    if (value.length > 0) headers[key!.trim().toLowerCase()] = value.join(':').replace(/\r$/, '');
  }
  const separators: Record<string, string> = {
    tab: '\t',
    comma: ',',
    semicolon: ';',
    space: ' ',
    pipe: '|',
    colon: ':',
  };
  const separator = separators[headers.separator?.trim().toLowerCase() ?? ''] ?? headers.separator ?? '\t';
  const records = readDelimited(lines.slice(body).join('\n'), separator, { comments: true });
  const deckColumn = Number(headers['deck column'] ?? 0);
  const noteFields = headers.notetype === 'Basic' ? ['Front', 'Back'] : [];
  return {
    headers,
    notes: records.map((record) => {
      const values = record.filter((_, i) => i + 1 !== deckColumn);
      const html = Object.fromEntries(noteFields.map((name, i) => [name, values[i] ?? '']));
      const asText = (value: string) => (headers.html === 'true' ? htmlToText(value) : value);
      return {
        html,
        fields: Object.fromEntries(Object.entries(html).map(([name, value]) => [name, asText(value)])),
        deck: deckColumn > 0 ? record[deckColumn - 1] : undefined,
      };
    }),
  };
}

/** RFC 4180 CSV, as spreadsheets read it. */
function readCsv(text: string): string[][] {
  return readDelimited(text, ',', { comments: false });
}

/** Delimited records: quoted fields with doubled quotes, line breaks inside quotes kept, CRLF or LF. */
function readDelimited(text: string, separator: string, { comments }: { comments: boolean }): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    if (comments && text[i] === '#') {
      i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i) + 1;
      continue;
    }
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        for (i++; i < text.length; i++) {
          if (text[i] === '"' && text[i + 1] === '"') ((field += '"'), i++);
          else if (text[i] === '"') break;
          else field += text[i];
        }
        i++;
      }
      while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      record.push(field);
      if (text[i] === separator) {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      break;
    }
    records.push(record);
  }
  return records;
}

function htmlToText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name]!);
}

/** White space as a browser shows it: collapsed. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
