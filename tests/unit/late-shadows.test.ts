import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LateShadowRoots } from '../../lib/content/late-shadows';

/** A custom element as the watch sees it: a shadow root or not, defined or not, in the document or not. */
function element() {
  const state = { shadowRoot: null as ShadowRoot | null, defined: false, isConnected: true };
  const fake = {
    get shadowRoot() {
      return state.shadowRoot;
    },
    get isConnected() {
      return state.isConnected;
    },
    matches: (selector: string) => selector === ':defined' && state.defined,
  } as unknown as Element;
  return { fake, state };
}

describe('LateShadowRoots', () => {
  let clock = 0;
  let found: ShadowRoot[];
  let watch: LateShadowRoots;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    found = [];
    watch = new LateShadowRoots(
      (root) => found.push(root),
      () => clock,
    );
  });
  afterEach(() => {
    watch.stop();
    vi.useRealTimers();
  });
  /** Lets `ms` pass, the watch's clock with the timers, 100 ms at a time. */
  const pass = async (ms: number) => {
    for (let step = 0; step < ms; step += 100) {
      clock += 100;
      await vi.advanceTimersByTimeAsync(100);
    }
  };

  test('a shadow root attached after the scan (an element defined later) is handed on within a second', async () => {
    const late = element();
    watch.note(late.fake);
    await pass(3000);
    expect(found).toEqual([]);
    const root = {} as ShadowRoot;
    late.state.defined = true;
    late.state.shadowRoot = root;
    await pass(1000);
    expect(found).toEqual([root]);
    // Handed on once, then no longer asked.
    await pass(5000);
    expect(found).toEqual([root]);
  });

  test('an element defined without a shadow root is given up after a while; one never defined, after longer', async () => {
    const plain = element();
    const undefinedOne = element();
    watch.note(plain.fake);
    watch.note(undefinedOne.fake);
    plain.state.defined = true;
    await pass(6000);
    plain.state.shadowRoot = {} as ShadowRoot; // too late: no longer watched
    undefinedOne.state.defined = true;
    undefinedOne.state.shadowRoot = {} as ShadowRoot; // still watched: handed on
    await pass(1000);
    expect(found).toEqual([undefinedOne.state.shadowRoot]);

    const never = element();
    watch.note(never.fake);
    await pass(61_000);
    never.state.defined = true;
    never.state.shadowRoot = {} as ShadowRoot;
    await pass(1000);
    expect(found).toHaveLength(1);
  });

  test('an element that left the document is dropped; nothing is asked once none is waiting', async () => {
    const gone = element();
    watch.note(gone.fake);
    gone.state.isConnected = false;
    await pass(1000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
