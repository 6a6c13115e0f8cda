import { describe, expect, it } from 'vitest';
import { compileTrie } from '../../lib/matcher/compile';
import { Matcher } from '../../lib/matcher/matcher';
import { inOriginal, visibleText } from '../../lib/matcher/visible';

const TERMS = [
  '一区五城',
  '先行区',
  '中国式现代化建设河南实践先行区',
  '“345”创新行动',
  '补短板“982”工程',
  '25311',
  '3+13+N',
  '焦作',
  '焦作高新区',
  '高新区',
];
const matcher = new Matcher(compileTrie(TERMS.map((key, entry) => ({ key, entry }))));

function longest(text: string): string[] {
  return matcher.findLongest(text).map((m) => `${text.slice(m.start, m.end)}=${TERMS[m.entry]}`);
}

describe('leftmost-longest matching', () => {
  it('prefers the longest term at a position and resumes after it', () => {
    expect(longest('焦作高新区在焦作')).toEqual(['焦作高新区=焦作高新区', '焦作=焦作']);
    expect(longest('打造中国式现代化建设河南实践先行区')).toEqual([
      '中国式现代化建设河南实践先行区=中国式现代化建设河南实践先行区',
    ]);
  });

  it('takes the leftmost match even when a longer one starts inside it', () => {
    // 焦作 starts first; 高新区 then starts at 高. (No entry spans 作高新区.)
    expect(longest('焦作高新')).toEqual(['焦作=焦作']);
  });

  it('finds nothing in text without terms', () => {
    expect(longest('今天天气很好。')).toEqual([]);
    expect(longest('')).toEqual([]);
  });
});

describe('quotation marks', () => {
  it('match where the term has them, in any quote style, so the quoted name is highlighted whole', () => {
    expect(longest('大力实施“345”创新行动，')).toEqual(['“345”创新行动=“345”创新行动']);
    expect(longest('纳入补短板“982”工程项目库')).toEqual(['补短板“982”工程=补短板“982”工程']);
    expect(longest('纳入补短板"982"工程项目库')).toEqual(['补短板"982"工程=补短板“982”工程']);
    expect(longest('「345」创新行动')).toEqual(['「345」创新行动=“345”创新行动']);
  });

  it('are optional: the term written without them matches too', () => {
    expect(longest('345创新行动')).toEqual(['345创新行动=“345”创新行动']);
  });

  it('stop a match elsewhere: a term is not found across two quoted phrases', () => {
    expect(longest('“一区”“五城”')).toEqual([]);
    expect(longest('一区“五城”')).toEqual([]);
    expect(longest('“一区五城”')).toEqual(['一区五城=一区五城']);
  });
});

describe('ASCII boundaries', () => {
  it('does not find a digit term inside a longer number', () => {
    expect(longest('2531100')).toEqual([]);
    expect(longest('125311')).toEqual([]);
    expect(longest('“25311”目标')).toEqual(['25311=25311']);
    expect(longest('奋进25311，')).toEqual(['25311=25311']);
  });

  it('applies to terms with Latin letters', () => {
    expect(longest('3+13+N产业')).toEqual(['3+13+N=3+13+N']);
    expect(longest('3+13+Nx')).toEqual([]);
  });

  it('matches full-width digits as ASCII ones', () => {
    expect(longest('２５３１１目标')).toEqual(['２５３１１=25311']);
  });
});

describe('findAll (contexts)', () => {
  it('reports overlapping and nested occurrences', () => {
    const text = '建设中国式现代化建设河南实践先行区';
    const all = matcher.findAll(text).map((m) => TERMS[m.entry]);
    expect(all).toEqual(['中国式现代化建设河南实践先行区', '先行区']);
    expect(matcher.findAll('焦作高新区').map((m) => TERMS[m.entry])).toEqual(['焦作', '焦作高新区', '高新区']);
  });
});

describe('compileTrie', () => {
  it('refuses a key claimed by two entries', () => {
    expect(() =>
      compileTrie([
        { key: '焦作', entry: 0 },
        { key: '焦作', entry: 1 },
      ]),
    ).toThrow(/two entries/);
  });
});

describe('the two-character filter', () => {
  // A one-character key sets every bit of the filter, so this matcher tries a trie walk at every position:
  // the reference that the filtered matcher must agree with. (㐀 never occurs in the texts below.)
  const unfiltered = new Matcher(compileTrie([...TERMS, '㐀'].map((key, entry) => ({ key, entry }))));
  const pieces = [
    '焦',
    '作',
    '高新区',
    '一区',
    '五城',
    '先行',
    '区',
    '“',
    '”',
    '「',
    '」',
    '"',
    '345',
    '创新行动',
    '２５',
    '25',
    '311',
    '３１１',
    '3+',
    '13',
    '+N',
    'x',
    '补短板',
    '982',
    '工程',
    '。',
    ' ',
  ];

  it('finds what an unfiltered walk finds, on 2,000 random texts made of pieces of the terms', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let matched = 0;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 12) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      const found = matcher.findLongest(text);
      expect(found, text).toEqual(unfiltered.findLongest(text));
      matched += found.length;
    }
    expect(matched).toBeGreaterThan(500); // the texts do hold terms: the comparison is not of empty lists
  });

  it('lets a one-character key match (every bit set), and a key at the very end of the text', () => {
    const withSingle = new Matcher(compileTrie(['焦', '焦作'].map((key, entry) => ({ key, entry }))));
    expect(withSingle.findLongest('在焦').map((m) => m.entry)).toEqual([0]);
    expect(withSingle.findLongest('在焦作，焦').map((m) => m.entry)).toEqual([1, 0]);
    expect(longest('到焦作')).toEqual(['焦作=焦作']);
  });

  it('admits the folded forms of a key’s first two characters (full-width digits, other quotes)', () => {
    expect(longest('２５３１１')).toEqual(['２５３１１=25311']);
    expect(longest('"345"创新行动')).toEqual(['"345"创新行动=“345”创新行动']);
  });
});

describe('matching in pieces', () => {
  it('finds what one pass finds, wherever the text is cut, a term crossing the cut included', () => {
    const text = '焦作高新区在焦作推进一区五城，大力实施“345”创新行动和25311';
    const whole = matcher.findLongest(text);
    for (let cut = 0; cut <= text.length; cut++) {
      const first = matcher.findLongest(text, 0, cut);
      const resume = Math.max(cut, first.at(-1)?.end ?? 0);
      expect([...first, ...matcher.findLongest(text, resume)], `cut at ${cut}`).toEqual(whole);
    }
  });
});

describe('invisible characters (visible.ts)', () => {
  const across = (text: string) => {
    const visible = visibleText(text);
    return inOriginal(visible, matcher.findLongest(visible.text)).map(
      (m) => `${text.slice(m.start, m.end)}=${TERMS[m.entry]}`,
    );
  };

  it('are passed over inside a term, which never starts or ends on one', () => {
    expect(across('一\u200B区五城')).toEqual(['一\u200B区五城=一区五城']);
    expect(across('焦作高\u00AD新\u200D区')).toEqual(['焦作高\u00AD新\u200D区=焦作高新区']);
    expect(across('\u200B一区五城\u200B')).toEqual(['一区五城=一区五城']);
    expect(across('焦作\u2060\uFEFF')).toEqual(['焦作=焦作']);
    expect(across('在\u200B\u200B焦作，一区\u200C五城')).toEqual(['焦作=焦作', '一区\u200C五城=一区五城']);
  });

  it('do not join what other characters keep apart', () => {
    expect(across('一区\u200B\u202E五城')).toEqual([]);
    expect(across('一区 五城')).toEqual([]);
  });

  it('leave a text without them as it is (no copy, no map)', () => {
    const visible = visibleText('焦作一区五城');
    expect(visible).toEqual({ text: '焦作一区五城', origin: null });
  });
});
