import { describe, expect, test } from 'vitest';
import { Churn, QUIET_MS } from '../../lib/content/churn';

const block = () => ({}) as Element;

describe('Churn', () => {
  test('a block changed once a frame churns after five changes, and settles once quiet', () => {
    const churn = new Churn();
    const ticker = block();
    const verdicts = [0, 16, 33, 50, 66, 83].map((t) => churn.changed(ticker, t));
    expect(verdicts).toEqual([false, false, false, false, true, true]);
    expect(churn.takeSettled(83 + QUIET_MS - 1)).toEqual([]);
    expect(churn.takeSettled(83 + QUIET_MS)).toEqual([ticker]);
    expect(churn.anyCooling).toBe(false);
    // Settled, it starts afresh: one change is rescanned at once.
    expect(churn.changed(ticker, 2000)).toBe(false);
  });

  test('a block changed every second (a clock) or every 300 ms never churns', () => {
    const churn = new Churn();
    const clock = block();
    const feed = block();
    for (let t = 0; t < 10_000; t += 1000) expect(churn.changed(clock, t)).toBe(false);
    for (let t = 0; t < 1200; t += 300) expect(churn.changed(feed, t)).toBe(false);
    expect(churn.anyCooling).toBe(false);
  });

  test('a cooling block that keeps changing stays cooling; others are not held back', () => {
    const churn = new Churn();
    const ticker = block();
    const article = block();
    for (let t = 0; t <= 5000; t += 16) churn.changed(ticker, t);
    expect(churn.changed(article, 5000)).toBe(false);
    expect(churn.isCooling(ticker)).toBe(true);
    expect(churn.takeSettled(5000 + QUIET_MS / 2)).toEqual([]);
    expect(churn.takeSettled(5000 + QUIET_MS)).toEqual([ticker]);
  });
});
