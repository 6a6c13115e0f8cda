import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Proximity } from '../../lib/content/proximity';

/** Stands in for Chromium's IntersectionObserver: records what is observed; the test answers. */
class FakeObserver {
  static current: FakeObserver;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.current = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  /** Answers for every observed target, near or not, at the given top. */
  answer(where: Map<Element, { near: boolean; top: number }>) {
    const entries = [...this.observed].map((target) => {
      const { near, top } = where.get(target)!;
      return {
        target,
        isIntersecting: near,
        boundingClientRect: { top, height: 20 },
      } as unknown as IntersectionObserverEntry;
    });
    this.callback(entries);
  }
}

const view = { addEventListener() {}, removeEventListener() {} } as unknown as Window;
const block = (name: string) => ({ name }) as unknown as Element;

describe('Proximity', () => {
  let verdicts: { block: Element; near: boolean }[];
  let proximity: Proximity;
  const [opening, middle, end] = [block('opening'), block('middle'), block('end')];
  const layout = new Map([
    [opening, { near: true, top: 100 }],
    [middle, { near: false, top: 3000 }],
    [end, { near: false, top: 9000 }],
  ]);

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    verdicts = [];
    proximity = new Proximity(view, (some) => verdicts.push(...some.map(({ block, near }) => ({ block, near }))));
    for (const b of [opening, middle, end]) proximity.observe(b);
    FakeObserver.current.answer(layout);
    verdicts = [];
  });

  afterEach(() => {
    proximity.stop();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const asked = () => [...FakeObserver.current.observed];

  test('after a change that removed nothing, only the near blocks are asked; the rest only if one of them moved', () => {
    proximity.layoutChanged();
    vi.runAllTimers();
    expect(asked()).toEqual([opening]);
    // It stayed put (the page appended below, or changed text in place): nothing more is asked.
    FakeObserver.current.answer(layout);
    expect(asked()).toEqual([]);
    expect(verdicts).toEqual([{ block: opening, near: true }]);

    // Content added above it pushed it down: every block is asked, and the middle one has come into view.
    proximity.layoutChanged();
    vi.runAllTimers();
    expect(asked()).toEqual([opening]);
    const pushed = new Map([
      [opening, { near: false, top: 2100 }],
      [middle, { near: true, top: 200 }],
      [end, { near: false, top: 6200 }],
    ]);
    FakeObserver.current.answer(pushed);
    expect(asked()).toEqual([opening, middle, end]);
    FakeObserver.current.answer(pushed);
    expect(verdicts.slice(-3)).toEqual([
      { block: opening, near: false },
      { block: middle, near: true },
      { block: end, near: false },
    ]);
  });

  test('after a change that removed elements, every block is asked at once', () => {
    proximity.layoutChanged(true);
    vi.runAllTimers();
    expect(asked()).toEqual([opening, middle, end]);
  });

  test('rechecks for layout come at most every half second, however often the page changes', () => {
    proximity.layoutChanged();
    vi.advanceTimersByTime(0);
    FakeObserver.current.answer(layout);
    proximity.layoutChanged();
    vi.advanceTimersByTime(400);
    expect(asked()).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(asked()).toEqual([opening]);
  });
});
