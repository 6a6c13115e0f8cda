/**
 * The glossary search (lib/search.ts): what each kind of query finds and in which order, on a small
 * hand-made glossary (so that the expectations can be read off it), then on the real one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlossaryData, GlossaryEntry } from '../../lib/glossary-types';
import { matchPinyin, parsePinyin, pinyinRecord } from '../../lib/pinyin/match';
import { createSearch, englishWords } from '../../lib/search';

function entry(term: string, pinyin: string, gloss: string, explanation = '', aliases: string[] = []): GlossaryEntry {
  return {
    term,
    aliases,
    traditional: [],
    pinyin,
    gloss,
    explanation,
    category: 'concept',
    breakdown: [],
    related: [],
    namesakes: [],
    featured: { context: 0 },
    contexts: [],
    firstYear: 2024,
    lastYear: 2024,
  };
}

const small: GlossaryData = {
  documents: [],
  sentences: {},
  entries: [
    entry(
      '焦作高新区',
      'jiāo zuò gāo xīn qū',
      'Jiaozuo High-tech Zone',
      'A national high-tech industrial development zone.',
      ['焦作国家高新区'],
    ),
    entry('一区五城', 'yī qū wǔ chéng', 'One Zone, Five Cities', "Jiaozuo's development blueprint of 2024."),
    entry('焦作', 'jiāo zuò', 'Jiaozuo', 'A prefecture-level city in Henan.', ['焦作市']),
    entry('五城', 'wǔ chéng', 'Five Cities', 'The five demonstration cities of 一区五城.'),
    entry(
      '中国式现代化建设河南实践先行区',
      'zhōng guó shì xiàn dài huà jiàn shè hé nán shí jiàn xiān xíng qū',
      'Pioneer Zone',
      'The one zone.',
      ['先行区'],
    ),
    entry(
      '城乡统筹发展先行区',
      'chéng xiāng tǒng chóu fā zhǎn xiān xíng qū',
      'Pilot Zone for Urban-Rural Integration',
      'A zone.',
    ),
    entry('“345”创新行动', '345 chuàng xīn xíng dòng', '"345" Innovation Action', 'Innovation across three platforms.'),
    entry('山药', 'shān yao', 'Chinese yam', 'One of the four Huai medicines.'),
    entry('山阳', 'shān yáng', 'Shanyang', 'An old name of Jiaozuo.'),
    entry(
      '绿色低碳转型战略',
      'lǜ sè dī tàn zhuǎn xíng zhàn lüè',
      'Green and Low-carbon Transition Strategy',
      'Cutting emissions.',
    ),
    entry('六路四桥', 'liù lù sì qiáo', 'Six Roads and Four Bridges', 'A roads programme.'),
    entry('焦作5G产业园', 'jiāo zuò 5G chǎn yè yuán', 'Jiaozuo 5G Industrial Park', 'A park for 5G firms.'),
    entry('乡村振兴', 'xiāng cūn zhèn xīng', 'Rural Revitalization', 'The national strategy for the countryside.'),
    entry('先行示范', 'xiān xíng shì fàn', 'Pioneering Demonstration', 'Going first and setting an example.'),
  ],
};

const search = createSearch(small);
const terms = (query: string, limit?: number) => search.search(query, limit).map((hit) => hit.entry.term);
const first = (query: string) => terms(query)[0];

describe('search by hanzi', () => {
  it('finds any part of a term, exact match first, then terms that start with the query, then the rest', () => {
    expect(terms('五城')).toEqual(['五城', '一区五城']);
    expect(terms('一区')).toEqual(['一区五城']);
    expect(terms('焦作')).toEqual(['焦作', '焦作高新区', '焦作5G产业园']);
  });

  it('finds aliases and says which one matched', () => {
    const [hit] = search.search('先行区');
    expect(hit!.entry.term).toBe('中国式现代化建设河南实践先行区');
    expect(hit!.field).toBe('alias');
    expect(hit!.alias).toBe('先行区');
    // An exact alias beats a term that merely contains the query.
    expect(terms('先行区')).toEqual(['中国式现代化建设河南实践先行区', '城乡统筹发展先行区']);
    expect(terms('国家高新区')).toEqual(['焦作高新区']);
  });

  it('ignores quotation marks, spaces and full-width forms', () => {
    expect(first('345创新')).toBe('“345”创新行动');
    expect(first('"345"创新行动')).toBe('“345”创新行动');
    expect(first('一区 五城')).toBe('一区五城');
    expect(first('焦作５Ｇ')).toBe('焦作5G产业园');
    expect(first('5g')).toBe('焦作5G产业园');
  });

  it('finds nothing for a blank query or an unknown term', () => {
    expect(terms('')).toEqual([]);
    expect(terms('   ')).toEqual([]);
    expect(terms('北京')).toEqual([]);
  });
});

describe('search by pinyin', () => {
  it('without tones or spaces', () => {
    expect(first('jiaozuo')).toBe('焦作');
    expect(terms('jiaozuogaoxinqu')).toEqual(['焦作高新区']);
    expect(first('yiquwucheng')).toBe('一区五城');
  });

  it('with tone marks, with or without spaces', () => {
    expect(first('jiāo zuò')).toBe('焦作');
    expect(first('jiāozuò')).toBe('焦作');
    expect(first('yī qū wǔ chéng')).toBe('一区五城');
  });

  it('with tone numbers, including 5 for the neutral tone', () => {
    expect(first('jiao1zuo4')).toBe('焦作');
    expect(first('jiao1 zuo4')).toBe('焦作');
    expect(terms('shan1yao5')).toEqual(['山药']);
    expect(terms('shan1yang2')).toEqual(['山阳']);
    expect(terms('shan1yang')).toEqual(['山阳']);
  });

  it('ranks a wrong tone below every right one, but still finds it', () => {
    const hits = search.search('jiao4zuo4');
    expect(hits[0]!.entry.term).toBe('焦作');
    expect(hits.every((hit) => hit.tier === 3)).toBe(true);
    expect(search.search('jiao1zuo4')[0]!.tier).toBe(0);
  });

  it('takes v, ü or u for ü', () => {
    expect(first('lvse')).toBe('绿色低碳转型战略');
    expect(first('lüse')).toBe('绿色低碳转型战略');
    expect(first('luse')).toBe('绿色低碳转型战略');
    expect(first('lǜ sè')).toBe('绿色低碳转型战略');
  });

  it('matches from the start of any syllable, never inside one', () => {
    expect(terms('wucheng')).toEqual(['五城', '一区五城']);
    expect(terms('gaoxin')).toEqual(['焦作高新区']);
    expect(terms('iaozuo')).toEqual([]);
  });

  it('a space or tone number must fall between syllables', () => {
    expect(terms('jia ozuo')).toEqual([]);
    expect(terms('ji1ao')).toEqual([]);
  });

  it('puts whole syllables before a syllable still being typed: xian finds 先 before 乡', () => {
    expect(terms('xian')).toEqual(['先行示范', '乡村振兴', '城乡统筹发展先行区', '中国式现代化建设河南实践先行区']);
  });

  it('leaves digits and Latin words in pinyin to the term itself', () => {
    const record = pinyinRecord('jiāo zuò 5G chǎn yè yuán');
    expect(record.letters).toBe('jiaozuochanyeyuan');
    expect(record.initials).toBe('jzcyy');
    expect([...record.tones]).toEqual([1, 4, 3, 4, 2]);
    expect(pinyinRecord('zhuǎn biàn zuò fēng, yōu huà').initials).toBe('zbzfyh');
    expect(first('25311')).toBeUndefined();
  });

  it('reads queries as pinyin only where they can be', () => {
    expect(parsePinyin('jiāo zuò')).toEqual([
      { letter: 'j', tone: 0 },
      { letter: 'i', tone: 0 },
      { letter: 'a', tone: 1 },
      { letter: 'o', tone: 0 },
      { boundary: true },
      { letter: 'z', tone: 0 },
      { letter: 'u', tone: 0 },
      { letter: 'o', tone: 4 },
    ]);
    expect(parsePinyin('jiao1')).toEqual([
      { letter: 'j', tone: 0 },
      { letter: 'i', tone: 0 },
      { letter: 'a', tone: 0 },
      { letter: 'o', tone: 0 },
      { closes: 1 },
    ]);
    expect(parsePinyin('25311')).toBeNull();
    expect(parsePinyin('3+13+n')).toBeNull();
    expect(matchPinyin(pinyinRecord('xiāng cūn'), parsePinyin('xian')!)).toEqual({
      syllable: 0,
      whole: false,
      partial: true,
      wrongTone: false,
    });
  });
});

describe('search by initials', () => {
  it('finds the entry whose syllables start with the letters', () => {
    expect(terms('yqwc')).toEqual(['一区五城']);
    expect(search.search('yqwc')[0]!.field).toBe('initials');
  });

  it('puts exact initials before longer ones that start with them', () => {
    expect(terms('jz')).toEqual(['焦作', '焦作高新区', '焦作5G产业园']);
  });

  it('needs two letters at least (one letter is a pinyin prefix)', () => {
    expect(search.search('j').every((hit) => hit.field !== 'initials')).toBe(true);
  });
});

describe('search by English', () => {
  it('finds words of the gloss, whole gloss first, then glosses that start with it', () => {
    expect(terms('jiaozuo high-tech zone')).toEqual(['焦作高新区']);
    expect(first('five cities')).toBe('五城');
    expect(terms('five cities')).toEqual(['五城', '一区五城']);
    expect(terms('five cities')[1]).toBe('一区五城');
  });

  it('finds the start of a word, as it is typed', () => {
    expect(terms('revital')).toEqual(['乡村振兴']);
    expect(terms('bridg')).toEqual(['六路四桥']);
  });

  it('ranks the gloss above the explanation', () => {
    const hits = search.search('innovation');
    expect(hits.map((hit) => hit.entry.term)).toEqual(['“345”创新行动']);
    expect(hits[0]!.field).toBe('gloss');
    const yam = search.search('medicines');
    expect(yam.map((hit) => [hit.entry.term, hit.field])).toEqual([['山药', 'explanation']]);
  });

  it('leaves explanations out for a query that reads as Chinese (pinyin, initials), but not glosses', () => {
    // "jiao" is the start of Jiaozuo, in explanations all over a real glossary.
    expect(search.search('jiao').some((hit) => hit.field === 'explanation')).toBe(false);
    expect(terms('shan')).toEqual(['山药', '山阳']);
    // henan is 河南 in pinyin; 焦作's explanation ("a city in Henan") is left out, and found by other words.
    expect(search.search('henan').map((hit) => [hit.entry.term, hit.field])).toEqual([
      ['中国式现代化建设河南实践先行区', 'pinyin'],
    ]);
    expect(search.search('prefecture').map((hit) => [hit.entry.term, hit.field])).toEqual([['焦作', 'explanation']]);
  });

  it('needs every word of the query', () => {
    expect(terms('zone rural')).toEqual(['城乡统筹发展先行区']);
    expect(terms('zone banana')).toEqual([]);
  });

  it('is case- and accent-insensitive', () => {
    expect(first('PIONEER ZONE')).toBe('中国式现代化建设河南实践先行区');
    expect(englishWords('Pioneer Zone — Zhōngyuán')).toEqual(['pioneer', 'zone', 'zhongyuan']);
  });
});

describe('ranking across kinds of match', () => {
  it('puts pinyin matches of the term before English matches of the gloss', () => {
    // "zhong" is the start of 中国… in pinyin; no English word starts with it here.
    expect(first('zhong')).toBe('中国式现代化建设河南实践先行区');
    // "shan": both 山药 and 山阳 start with it; the shorter and then the earlier entry comes first.
    expect(terms('shan')).toEqual(['山药', '山阳']);
  });

  it('breaks ties by the shorter term', () => {
    expect(terms('jiaozuo').slice(0, 3)).toEqual(['焦作', '焦作高新区', '焦作5G产业园']);
  });

  it('honours the limit', () => {
    expect(terms('zone', 2)).toHaveLength(2);
  });
});

describe('the real glossary', () => {
  const glossary = JSON.parse(
    readFileSync(join(__dirname, '../../glossary/generated/glossary.json'), 'utf8'),
  ) as GlossaryData;
  const real = createSearch(glossary);
  const top = (query: string) => real.search(query, 5).map((hit) => hit.entry.term);

  it('finds the featured slogans by every kind of query', () => {
    for (const query of [
      '一区五城',
      'yiquwucheng',
      'yī qū wǔ chéng',
      'yi1qu1wu3cheng2',
      'yqwc',
      'one zone, five cities',
    ]) {
      expect(top(query)[0], query).toBe('一区五城');
    }
    expect(top('jiaozuo')[0]).toBe('焦作');
    expect(top('焦作高新区')[0]).toBe('焦作高新区');
    expect(top('25311')[0]).toBe('25311');
    expect(top('3+13+n')[0]).toBe('3+13+N');
  });

  it('finds every entry by its own term, pinyin and gloss, each as the first or an equally good result', () => {
    for (const entry of glossary.entries) {
      expect(top(entry.term)[0], entry.term).toBe(entry.term);
      const byPinyin = real.search(entry.pinyin);
      if (/[a-z]/.test(entry.pinyin) && !/\d/.test(entry.pinyin)) {
        expect(
          byPinyin.some((hit) => hit.entry.term === entry.term && hit.tier === 0),
          entry.pinyin,
        ).toBe(true);
      }
      const byGloss = real.search(entry.gloss);
      expect(
        byGloss.some((hit) => hit.entry.term === entry.term),
        entry.gloss,
      ).toBe(true);
    }
  });
});
