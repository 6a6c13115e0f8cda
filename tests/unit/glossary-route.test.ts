import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../lib/glossary-route';

describe('the glossary page address', () => {
  it('reads an entry and a source, URL-encoded or not', () => {
    expect(parseRoute('#term=%E4%B8%80%E5%8C%BA%E4%BA%94%E5%9F%8E')).toEqual({ view: 'glossary', term: '一区五城' });
    expect(parseRoute('#term=一区五城')).toEqual({ view: 'glossary', term: '一区五城' });
    expect(parseRoute('#source=001')).toEqual({ view: 'source', document: '001' });
    expect(parseRoute('#source=001&sentence=001.p3.s2')).toEqual({
      view: 'source',
      document: '001',
      sentence: '001.p3.s2',
    });
  });

  it('keeps a + in a term (3+13+N), and ignores what it cannot read', () => {
    expect(parseRoute('#term=3+13+N')).toEqual({ view: 'glossary', term: '3+13+N' });
    expect(parseRoute('')).toEqual({ view: 'glossary' });
    expect(parseRoute('#category-slogan')).toEqual({ view: 'glossary' });
    expect(parseRoute('#term=%E4%B8')).toEqual({ view: 'glossary' });
  });

  it('writes what it reads', () => {
    for (const route of [
      { view: 'glossary', term: '“345”创新行动' },
      { view: 'glossary', term: '3+13+N' },
      { view: 'source', document: '004', sentence: '004.p8.s2' },
    ] as const) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
    expect(formatRoute({ view: 'glossary', term: '一区五城' })).toBe('#term=%E4%B8%80%E5%8C%BA%E4%BA%94%E5%9F%8E');
  });
});
