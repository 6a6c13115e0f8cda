import { describe, expect, test } from 'vitest';
import { randomName } from '../../lib/content/random-name';

describe('randomName', () => {
  test('is a valid custom element name and highlight name, and says nothing of us', () => {
    for (let i = 0; i < 200; i++) {
      const name = randomName();
      expect(name).toMatch(/^[a-z]{3,8}-[a-z]{3,8}$/);
      expect(name).not.toMatch(/jpl|lens|policy|jiaozuo|glossary/);
    }
  });

  test('is a new one each time', () => {
    const names = new Set(Array.from({ length: 1000 }, randomName));
    expect(names.size).toBe(1000);
  });
});
