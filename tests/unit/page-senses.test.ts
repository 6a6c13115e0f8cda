/** PageSenses (lib/content/senses.ts): which matches are the glossary's sense on a page, as the page changes. */
import { describe, expect, it } from 'vitest';
import { PageSenses } from '../../lib/content/senses';
import { AMBIGUOUS, ANCHOR, HEAD, WORD_CHECKED } from '../../lib/matcher/sense';
import type { Match } from '../../lib/matcher/matcher';

const block = () => ({ isConnected: true }) as Element;
const match = (text: string, form: string, flags: number, entry = 0): Match => {
  const start = text.indexOf(form);
  return { start, end: start + form.length, entry, flags };
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function senses(answer: (text: string) => boolean | null = () => true) {
  const rescanned: Element[][] = [];
  const asked: string[] = [];
  const page = new PageSenses(
    (checks) => {
      asked.push(...checks.map((check) => check.text.slice(check.start, check.end)));
      const answers = checks.map((check) => answer(check.text));
      return Promise.resolve(answers.includes(null) ? null : (answers as boolean[]));
    },
    (blocks) => void rescanned.push([...blocks]),
  );
  return { page, rescanned, asked };
}

describe('the page rule: an ambiguous form needs a page about Jiaozuo', () => {
  it('holds an ambiguous match until a block with an anchor is scanned, then has its block scanned again', () => {
    const { page, rescanned } = senses();
    const early = block();
    const text = '市委召开会议。';
    expect(page.keep(early, text, [match(text, '市委', AMBIGUOUS)])).toEqual([]);
    page.blockDone(early, false);
    expect(page.aboutJiaozuo).toBe(false);

    const later = block();
    const anchor = '焦作高新区今年引进项目。';
    const kept = page.keep(later, anchor, [match(anchor, '焦作高新区', ANCHOR)]);
    page.blockDone(later, kept.length > 0);
    expect(page.aboutJiaozuo).toBe(true);
    expect(rescanned).toEqual([[early]]);
    expect(page.keep(early, text, [match(text, '市委', AMBIGUOUS)])).toHaveLength(1);
  });

  it('stops being about Jiaozuo when the anchor leaves, and scans the ambiguous blocks again', () => {
    const { page, rescanned } = senses();
    const anchorBlock = block();
    page.blockDone(anchorBlock, true);
    const other = block();
    const text = '示范区建设。';
    expect(page.keep(other, text, [match(text, '示范区', AMBIGUOUS)])).toHaveLength(1);
    page.blockDone(other, false);
    (anchorBlock as { isConnected: boolean }).isConnected = false;
    page.blockDone(block(), false);
    expect(page.aboutJiaozuo).toBe(false);
    expect(rescanned.at(-1)).toEqual([other]);
  });
});

describe('the word rules', () => {
  it('refuses a head noun that heads a longer name, keeps it on its own', () => {
    const { page } = senses();
    page.blockDone(block(), true);
    const longer = '国家生态文明建设示范区';
    expect(page.keep(block(), longer, [match(longer, '示范区', AMBIGUOUS | HEAD)])).toEqual([]);
    const alone = '今年，示范区新开工项目。';
    expect(page.keep(block(), alone, [match(alone, '示范区', AMBIGUOUS | HEAD)])).toHaveLength(1);
  });

  it('asks the background whether a short form stands as a word, and keeps it once told so', async () => {
    const { page, rescanned, asked } = senses((text) => !text.includes('聚焦'));
    const here = block();
    const text = '要聚焦作风建设，焦作发展很快。';
    // 焦作 twice: across 聚焦 | 作风 first, then on its own.
    const second = text.lastIndexOf('焦作');
    const matches = [
      match(text, '焦作', ANCHOR | WORD_CHECKED),
      { start: second, end: second + 2, entry: 0, flags: ANCHOR | WORD_CHECKED },
    ];
    expect(page.keep(here, text, matches)).toEqual([]); // not known yet: waits
    await settle();
    expect(asked).toEqual(['焦作', '焦作']);
    expect(rescanned).toEqual([[here]]);
    expect(page.keep(here, text, matches).map((m) => m.start)).toEqual([second]);
  });

  it('without the dictionary, lets an unambiguous short form stand and an ambiguous one not', async () => {
    const { page } = senses(() => null);
    page.blockDone(block(), true);
    const text = '中站区位于西部，博爱县在北。';
    const matches = [match(text, '中站', AMBIGUOUS | WORD_CHECKED), match(text, '博爱', WORD_CHECKED)];
    page.keep(block(), text, matches);
    await settle();
    expect(page.keep(block(), text, matches).map((m) => text.slice(m.start, m.end))).toEqual(['博爱']);
  });
});
