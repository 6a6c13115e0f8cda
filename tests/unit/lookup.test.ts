/** The context menu's lookup (lib/lookup): terms contained in a selection, the search as a fallback, nothing found. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlossaryData, MatcherData } from '../../lib/glossary-types';
import { MAX_LOOKUP_CHARS, createLookup, selectionText } from '../../lib/lookup';
import { Dictionary } from '../../lib/dictionary/dictionary';
import { DICTIONARY_FILE } from '../../lib/dictionary/format';
import { wordsOf } from '../../lib/dictionary/word-check';
import { createSearch } from '../../lib/search';

const generated = join(__dirname, '..', '..', 'glossary', 'generated');
const glossary = JSON.parse(readFileSync(join(generated, 'glossary.json'), 'utf8')) as GlossaryData;
const matcherData = JSON.parse(readFileSync(join(generated, 'matcher.json'), 'utf8')) as MatcherData;
const keys = readFileSync(join(generated, DICTIONARY_FILE));
const dictionary = new Dictionary(
  keys.buffer.slice(keys.byteOffset, keys.byteOffset + keys.byteLength) as ArrayBuffer,
  () => Promise.reject(new Error('no entry is read: the word check needs the keys only')),
);
const createdLookUp = createLookup(glossary, matcherData, createSearch(glossary));
/** The lookup as the lookup page runs it once the dictionary is read. */
const lookUp = (text: string) => createdLookUp(text, wordsOf(dictionary));
const terms = (text: string) => lookUp(text).entries.map((entry) => entry.term);

describe('looking up a selection', () => {
  it('lists the terms a whole sentence contains, in order, each once, longest match first', () => {
    const sentence = glossary.sentences['000.p26.s4']!;
    const result = lookUp(sentence);
    expect(result.kind).toBe('contains');
    // The sentence writes the pilot zone without 建设: found through the entry's alias, under its main form.
    expect(terms(sentence)).toEqual(
      '市委 市政府 习近平新时代中国特色社会主义思想 两个确保 十大战略 十大建设 党的二十届三中全会 市委十二届六次全会 进一步全面深化改革 创新引领 工业强市 产业兴城 民生幸福 中国式现代化建设河南实践先行区 一区五城 新时代 新征程 中原更加出彩 焦作'.split(
        ' ',
      ),
    );
    // 五城 is inside 一区五城 here: the longer term is found, not the shorter one inside it.
    expect(terms('构建“一区五城”发展新格局')).toEqual(['一区五城']);
    expect(terms('一区五城与一区五城')).toEqual(['一区五城']);
    expect(terms('五城和一区五城')).toEqual(['五城', '一区五城']);
  });

  it('finds a selected term itself', () => {
    expect(lookUp('一区五城')).toMatchObject({ kind: 'contains', text: '一区五城' });
    expect(terms('  一区五城\n')).toEqual(['一区五城']);
  });

  it('searches when no whole term is in the text: part of a term, pinyin, English', () => {
    const part = lookUp('一区五');
    expect(part.kind).toBe('search');
    expect(part.entries[0]!.term).toBe('一区五城');
    expect(lookUp('yi qu wu cheng').entries[0]!.term).toBe('一区五城');
  });

  it('finds generic forms only in their Jiaozuo sense: beside an anchor, and standing as words', () => {
    expect(terms('市委召开会议，部署示范区建设。')).toEqual([]);
    expect(terms('焦作市委召开会议，部署示范区建设。')).toEqual(['焦作', '焦作市城乡一体化示范区']);
    expect(terms('要聚焦作风建设')).toEqual([]);
    // Before the dictionary is read, an ambiguous short form is left out rather than guessed.
    expect(createdLookUp('市委与焦作高新区').entries.map((entry) => entry.term)).toEqual(['焦作高新区']);
  });

  it('says when nothing matches', () => {
    expect(lookUp('今天天气很好')).toEqual({ text: '今天天气很好', kind: 'none', entries: [] });
    expect(lookUp('   ')).toEqual({ text: '', kind: 'none', entries: [] });
  });

  it('collapses whitespace and cuts a huge selection', () => {
    expect(selectionText(' 一区\n\t五城  建设 ')).toBe('一区 五城 建设');
    expect([...selectionText('焦'.repeat(MAX_LOOKUP_CHARS + 50))]).toHaveLength(MAX_LOOKUP_CHARS);
  });
});
