/** The messages of the popup and the glossary page (reveal-term, lens-status, open-glossary). */
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../lib/messages';

describe('popup and glossary page messages', () => {
  it('are checked on arrival', () => {
    expect(parseMessage({ type: 'reveal-term', term: '一区五城' })).toEqual({ type: 'reveal-term', term: '一区五城' });
    expect(parseMessage({ type: 'reveal-term', term: '' })).toEqual({ invalid: 'reveal-term: bad term' });
    expect(parseMessage({ type: 'open-glossary', term: '焦作' })).toEqual({ type: 'open-glossary', term: '焦作' });
    expect(parseMessage({ type: 'open-glossary', term: 3 })).toEqual({ invalid: 'open-glossary: bad term' });
    expect(parseMessage({ type: 'lens-status', extra: 'ignored' })).toEqual({ type: 'lens-status' });
  });
});
