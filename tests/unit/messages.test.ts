import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../lib/messages';
import { TabTerms } from '../../lib/tab-terms';

describe('parseMessage', () => {
  it('accepts our messages', () => {
    expect(parseMessage({ type: 'page-terms', tabId: 4 })).toEqual({ type: 'page-terms', tabId: 4 });
    expect(parseMessage({ type: 'terms-found', terms: [{ term: '焦作', count: 2 }] })).toEqual({
      type: 'terms-found',
      terms: [{ term: '焦作', count: 2 }],
    });
  });

  it('gives a reason for anything else', () => {
    expect(parseMessage(null)).toEqual({ invalid: 'not an object' });
    expect(parseMessage({ type: 'page-terms', tabId: '4' })).toEqual({ invalid: 'page-terms: bad tabId' });
    expect(parseMessage({ type: 'terms-found', terms: [{ term: '焦作', count: -1 }] })).toEqual({
      invalid: 'terms-found: bad terms',
    });
    expect(parseMessage({ type: 'steal-cookies' })).toEqual({ invalid: 'unknown type "steal-cookies"' });
  });
});

describe('TabTerms', () => {
  it('sums a tab over its frames, each frame replacing its own earlier report', () => {
    const tabs = new TabTerms();
    tabs.report(1, 0, [
      { term: '焦作', count: 2 },
      { term: '一区五城', count: 1 },
    ]);
    tabs.report(1, 7, [{ term: '焦作', count: 3 }]);
    tabs.report(1, 7, [{ term: '焦作', count: 1 }]);
    tabs.report(2, 0, [{ term: '三区一极', count: 9 }]);
    expect(tabs.terms(1)).toEqual([
      { term: '焦作', count: 3 },
      { term: '一区五城', count: 1 },
    ]);
    tabs.forget(1);
    expect(tabs.terms(1)).toEqual([]);
    expect(tabs.terms(2)).toEqual([{ term: '三区一极', count: 9 }]);
  });
});
