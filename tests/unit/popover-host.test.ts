import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PopoverProps } from '../../lib/content/popover/Popover';
import { PopoverHost, type PopoverViewClass } from '../../lib/content/popover-host';

/** Stands in for popover-view.tsx: records what it was asked to do. */
class FakeView {
  static made: FakeView[] = [];
  readonly shown: string[] = [];
  toneColours = false;
  constructor(readonly doc: Document) {
    FakeView.made.push(this);
  }
  show(props: PopoverProps) {
    this.shown.push(props.details.term);
  }
  hide() {}
  remove() {}
  setToneColours(on: boolean) {
    this.toneColours = on;
  }
  get isOpen() {
    return this.shown.length > 0;
  }
}

const doc = {} as Document;
const anchor = {} as AbstractRange;
const props = (term: string) => ({ details: { term } }) as unknown as PopoverProps;

/** A loader whose import the test finishes (or fails) when it likes. */
function deferredLoader() {
  const calls: { resolve: (view: PopoverViewClass) => void; reject: (error: Error) => void }[] = [];
  const load = () =>
    new Promise<PopoverViewClass>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { load, calls };
}

describe('PopoverHost (the popover loaded on first use)', () => {
  afterEach(() => {
    FakeView.made = [];
    vi.restoreAllMocks();
  });

  test('loads the view once, on the first show or warm-up, and applies the settings given before it came', async () => {
    const { load, calls } = deferredLoader();
    const host = new PopoverHost(doc, load);
    host.setToneColours(true);
    expect(calls).toHaveLength(0); // nothing loaded at start-up
    host.warmUp();
    host.warmUp();
    const showing = host.show(props('焦作'), anchor);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(FakeView as unknown as PopoverViewClass);
    await showing;
    expect(FakeView.made).toHaveLength(1);
    expect(FakeView.made[0]!.toneColours).toBe(true);
    expect(FakeView.made[0]!.shown).toEqual(['焦作']);
    await host.show(props('一区五城'), anchor);
    expect(calls).toHaveLength(1);
    expect(FakeView.made[0]!.shown).toEqual(['焦作', '一区五城']);
  });

  test('a show overtaken by a hide or a later show while the view loads does not appear', async () => {
    const { load, calls } = deferredLoader();
    const host = new PopoverHost(doc, load);
    const first = host.show(props('焦作'), anchor);
    host.hide();
    const second = host.show(props('三区一极'), anchor);
    const third = host.show(props('一区五城'), anchor);
    calls[0]!.resolve(FakeView as unknown as PopoverViewClass);
    await Promise.all([first, second, third]);
    expect(FakeView.made[0]!.shown).toEqual(['一区五城']);
  });

  test('a failed load is told once, not retried by warm-ups, and retried by the next show', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { load, calls } = deferredLoader();
    const host = new PopoverHost(doc, load);
    const failed = host.show(props('焦作'), anchor);
    calls[0]!.reject(new Error('no such file'));
    await failed;
    expect(error).toHaveBeenCalledTimes(1);
    expect(host.isOpen).toBe(false);
    host.warmUp();
    expect(calls).toHaveLength(1);
    const retried = host.show(props('焦作'), anchor);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(FakeView as unknown as PopoverViewClass);
    await retried;
    expect(FakeView.made[0]!.shown).toEqual(['焦作']);
  });

  test('removed while loading, it builds nothing', async () => {
    const { load, calls } = deferredLoader();
    const host = new PopoverHost(doc, load);
    const showing = host.show(props('焦作'), anchor);
    host.remove();
    calls[0]!.resolve(FakeView as unknown as PopoverViewClass);
    await showing;
    expect(FakeView.made).toHaveLength(0);
  });
});
