import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLearnerData, saveTerm } from '../../lib/learning/actions';
import { learningSettings, DEFAULT_LEARNING_SETTINGS } from '../../lib/learning/settings';
import { recordSightings } from '../../lib/learning/sightings';
import { parseMessage, type TermsFoundMessage } from '../../lib/messages';

const NOW = new Date('2026-05-01T10:00:00Z');
const report = (url = 'https://news.example/a'): TermsFoundMessage => ({
  type: 'terms-found',
  terms: [
    { term: '焦作高新区', count: 2 },
    { term: '三区一极', count: 1 },
  ],
  page: { url, title: '新闻' },
  sightings: [
    { term: '焦作高新区', sentence: '焦作高新区推进高质量发展。' },
    { term: '三区一极', sentence: '以“三区一极”引领。' },
  ],
});

describe('recording where terms were met', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps sightings of saved terms only, by default', async () => {
    await saveTerm('焦作高新区', NOW);
    expect(await recordSightings(report(), NOW)).toBe(1);
    expect((await readLearnerData()).history).toEqual([
      {
        term: '焦作高新区',
        url: 'https://news.example/a',
        title: '新闻',
        at: NOW.toISOString(),
        sentence: '焦作高新区推进高质量发展。',
      },
    ]);
  });

  it('keeps every term when the learner asks, nothing when history is off', async () => {
    await learningSettings.setValue({ ...DEFAULT_LEARNING_SETTINGS, historyAllTerms: true });
    expect(await recordSightings(report(), NOW)).toBe(2);
    await learningSettings.setValue({ ...DEFAULT_LEARNING_SETTINGS, historyEnabled: false, historyAllTerms: true });
    expect(await recordSightings(report('https://news.example/b'), NOW)).toBe(0);
  });

  it('records a term on a page once a day, and never our own or local pages', async () => {
    await saveTerm('焦作高新区', NOW);
    expect(await recordSightings(report(), NOW)).toBe(1);
    expect(await recordSightings(report(), new Date(NOW.getTime() + 3_600_000))).toBe(0);
    expect(await recordSightings(report(), new Date(NOW.getTime() + 25 * 3_600_000))).toBe(1);
    expect(await recordSightings(report('chrome-extension://abc/glossary.html'), NOW)).toBe(0);
    expect(await recordSightings(report('file:///tmp/a.html'), NOW)).toBe(0);
  });
});

describe('learning messages', () => {
  it('validates save-term and the sightings of terms-found', () => {
    expect(parseMessage({ type: 'save-term', term: '焦作', save: true })).toEqual({
      type: 'save-term',
      term: '焦作',
      save: true,
    });
    expect(parseMessage({ type: 'save-term', term: '焦作', save: 'yes' })).toEqual({
      invalid: 'save-term: bad term or save',
    });
    expect(parseMessage(report())).toEqual(report());
    expect(parseMessage({ ...report(), sightings: [{ term: '焦作', sentence: 'x'.repeat(5000) }] })).toEqual({
      invalid: 'terms-found: bad page or sightings',
    });
  });
});
