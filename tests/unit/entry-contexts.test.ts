import { describe, expect, it } from 'vitest';
import { contextsByDocument } from '../../lib/entry-contexts';
import type { GlossaryData } from '../../lib/glossary-types';
import { compileGlossary } from '../../glossary/compiler/build';

const { data } = compileGlossary();

describe('contextsByDocument', () => {
  it('gives every context of an entry, grouped by document in reading order, the term marked', () => {
    for (const entry of data.entries) {
      const groups = contextsByDocument(data, entry.term);
      const sentences = groups.flatMap((group) => group.sentences.map((s) => s.id));
      expect(new Set(sentences), entry.term).toEqual(new Set(entry.contexts.map((c) => c.sentence)));
      expect(
        groups.map((g) => g.document.id),
        entry.term,
      ).toEqual([...new Set(groups.map((g) => g.document.id))].sort());
      for (const group of groups) {
        for (const sentence of group.sentences) {
          expect(sentence.marks.length, entry.term).toBeGreaterThan(0);
          sentence.marks.forEach(([start, end], i) => {
            expect(start < end).toBe(true);
            if (i > 0) expect(start >= sentence.marks[i - 1]![1]).toBe(true);
          });
        }
      }
    }
    const [first] = contextsByDocument(data, '一区五城');
    expect(first!.document).toMatchObject({ id: '000', headline: '打造先行区 建设示范城' });
    const sentence = first!.sentences[0]!;
    expect(sentence.marks.map(([s, e]) => sentence.text.slice(s, e))).toContain('一区五城');
  });

  it('hands on the marks the build recorded, and finds nothing for an unknown term', () => {
    const glossary: GlossaryData = {
      documents: [
        {
          id: 'a',
          headline: 'H',
          outlet: 'O',
          outletEnglish: 'O',
          period: '2024',
          year: 2024,
          paragraphs: [{ id: 'a.p1', kind: 'text', sentences: ['a.p1.s1'] }],
        },
      ],
      sentences: { 'a.p1.s1': '打造焦作市高新区' },
      entries: [
        {
          term: '焦作市',
          aliases: ['焦作'],
          traditional: [],
          pinyin: '',
          gloss: '',
          explanation: '',
          category: 'place',
          breakdown: [],
          related: [],
          namesakes: [],
          featured: { context: 0 },
          firstYear: 2024,
          lastYear: 2024,
          contexts: [{ document: 'a', paragraph: 'a.p1', sentence: 'a.p1.s1', marks: [[2, 5]] }],
        },
      ],
    };
    expect(contextsByDocument(glossary, '焦作市')[0]!.sentences[0]!.marks).toEqual([[2, 5]]);
    expect(contextsByDocument(glossary, '北京')).toEqual([]);
  });
});
