import { describe, expect, it } from 'vitest';
import { headsNoLongerName, standsAsWord } from '../../lib/matcher/sense';

/** A match of `form` at its first occurrence in `text`. */
const at = (text: string, form: string) => {
  const start = text.indexOf(form);
  return { start, end: start + form.length, entry: 0, flags: 0 };
};

describe('standsAsWord: the text cut into dictionary words, from the right, has a cut at each end of the form', () => {
  const words = new Set([
    '站稳',
    '脚跟',
    '激荡',
    '大地',
    '聚焦',
    '作风',
    '对焦',
    '焦作',
    '黄河',
    '黄河流域',
    '地黄',
    '市中',
    '风光',
  ]);
  const isWord = (text: string) => (start: number, end: number) => words.has(text.slice(start, end));
  const check = (text: string, form: string, to = text.length, from = 0, strict = false) =>
    standsAsWord(at(text, form), isWord(text), 4, { from, to, strict });

  it('refuses a form cut across by the words around it', () => {
    expect(check('激荡中站稳脚跟', '中站')).toBe(false);
    expect(check('要聚焦作风建设', '焦作')).toBe(false);
  });

  it('refuses a form inside a longer word (黄河 in 黄河流域)', () => {
    expect(check('做好黄河流域生态保护', '黄河')).toBe(false);
  });

  it('accepts a form that stands as a word, where a cut from the left would not', () => {
    expect(check('对焦作的发展', '焦作')).toBe(true); // 对焦 is "to focus"
    expect(check('焦作风光', '焦作')).toBe(true);
    expect(check('焦作人自己', '焦作')).toBe(true); // 作人 is "to conduct oneself"
    expect(check('大地黄贯中', '地黄')).toBe(true); // read 大 | 地黄 from the right…
    expect(check('大地黄贯中', '地黄', 5, 0, true)).toBe(false); // …but an ambiguous form needs both readings
    expect(check('中站区位于焦作西部', '中站')).toBe(true);
  });

  it('cuts only up to the next glossary match (焦作市中站: 市中 reaches into the match after)', () => {
    expect(check('焦作市中站区', '中站', 6, 3)).toBe(true);
    expect(check('焦作市中站区', '中站', 6, 2)).toBe(false);
  });
});

describe('headsNoLongerName: a generic head noun names the glossary thing only on its own', () => {
  const heads = (text: string, form: string, before?: number) => headsNoLongerName(text, at(text, form), before);

  it('refuses a head noun after the words of another name', () => {
    expect(heads('国家生态文明建设示范区', '示范区')).toBe(false);
    expect(heads('高标准农田示范区', '示范区')).toBe(false);
  });

  it('accepts it at the start, after punctuation, a function word, a verb that takes it, or another match', () => {
    expect(heads('示范区今年', '示范区')).toBe(true);
    expect(heads('今年，示范区', '示范区')).toBe(true);
    expect(heads('全市的示范区', '示范区')).toBe(true);
    expect(heads('打造先行区', '先行区')).toBe(true);
    expect(heads('焦作中心城区', '中心城区', 2)).toBe(true);
    expect(heads('焦作中心城区', '中心城区')).toBe(false);
  });
});
