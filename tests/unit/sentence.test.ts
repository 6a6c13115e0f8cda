import { describe, expect, test } from 'vitest';
import { cutSentence } from '../../lib/content/sentence';

describe('cutSentence: the sentence around a term, from the text before it and the text it starts', () => {
  test('from the last sentence end before the term to the first after it, which is kept', () => {
    expect(cutSentence('上一句。本市推进', '一区五城建设。下一句。')).toBe('本市推进一区五城建设。');
    expect(cutSentence('Before! 推进', '一区五城? after')).toBe(' 推进一区五城?');
  });

  test('a line break ends a sentence and is not kept', () => {
    expect(cutSentence('标题\n正文里的', '三区一极\n下一行')).toBe('正文里的三区一极');
  });

  test('a block without punctuation gives at most 120 characters on each side', () => {
    const before = '甲'.repeat(500);
    const after = `太极拳${'乙'.repeat(500)}`;
    const sentence = cutSentence(before, after);
    expect(sentence).toBe(`${'甲'.repeat(120)}太极拳${'乙'.repeat(117)}`);
  });

  test('the term at the very start or end of its block', () => {
    expect(cutSentence('', '云台山')).toBe('云台山');
    expect(cutSentence('开头', '云台山')).toBe('开头云台山');
  });
});
