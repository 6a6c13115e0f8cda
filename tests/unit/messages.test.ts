import { describe, expect, it } from 'vitest';
import { MAX_PAGE_TEXT, parseRequest, senderAllowed } from '../../lib/messages/protocol';
import { TabTerms } from '../../lib/tab-terms';

describe('parseRequest', () => {
  it('accepts our messages, keeping only the fields of their schema', () => {
    expect(parseRequest({ type: 'page-terms', tabId: 4 })).toEqual({
      type: 'page-terms',
      request: { type: 'page-terms', tabId: 4 },
    });
    expect(parseRequest({ type: 'reveal-term', term: '一区五城', extra: 1 })).toEqual({
      type: 'reveal-term',
      request: { type: 'reveal-term', term: '一区五城' },
    });
    expect(parseRequest({ type: 'lens-status', extra: 'ignored' })).toEqual({
      type: 'lens-status',
      request: { type: 'lens-status' },
    });
  });

  it('cuts text taken from pages to length rather than refusing the message', () => {
    const parsed = parseRequest({
      type: 'terms-found',
      terms: [],
      page: { url: 'https://a.example/'.padEnd(5000, 'x'), title: '' },
      sightings: [{ term: '焦作', sentence: '长'.repeat(MAX_PAGE_TEXT + 1) }],
    });
    expect('request' in parsed && parsed.request).toMatchObject({
      page: { url: 'https://a.example/'.padEnd(MAX_PAGE_TEXT, 'x') },
      sightings: [{ sentence: '长'.repeat(MAX_PAGE_TEXT) }],
    });
  });

  it('gives a reason for anything else', () => {
    expect(parseRequest(null)).toEqual({ invalid: 'not an object' });
    expect(parseRequest({ type: 'steal-cookies' })).toEqual({ invalid: 'unknown type "steal-cookies"' });
    expect(parseRequest({ type: 'toString' })).toEqual({ invalid: 'unknown type "toString"' });
    expect(parseRequest({ type: 'open-glossary', term: 3 })).toEqual({
      invalid: 'open-glossary: bad term: Invalid type: Expected string but received 3',
    });
  });
});

describe('senderAllowed', () => {
  const origin = 'chrome-extension://abc/';
  it('lets our pages ask anything of the background, content scripts only what a page may', () => {
    expect(senderAllowed('page-terms', { url: 'chrome-extension://abc/popup.html' }, origin)).toBe(true);
    expect(senderAllowed('page-terms', { url: 'https://news.example/' }, origin)).toBe(false);
    expect(senderAllowed('page-terms', {}, origin)).toBe(false);
    expect(senderAllowed('save-term', { url: 'https://news.example/' }, origin)).toBe(true);
  });

  it('refuses what is not a message to the background', () => {
    expect(senderAllowed('lens-status', { url: 'chrome-extension://abc/popup.html' }, origin)).toBe(false);
    expect(senderAllowed('constructor', { url: 'chrome-extension://abc/popup.html' }, origin)).toBe(false);
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
