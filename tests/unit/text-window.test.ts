/**
 * The text read around the pointer for the dictionary (lib/content/text-window.ts), with stand-ins for text nodes
 * (their data): how much of the point's node and of the run's nodes before and after it, whole characters only,
 * and positions mapped back to nodes; and where the card's keys step to (lib/content/word-steps.ts).
 */
import { describe, expect, test } from 'vitest';
import { indexOf, pointAt, windowOf } from '../../lib/content/text-window';
import {
  charLength,
  characterStart,
  isHanAt,
  nextHanStart,
  previousCharacterStart,
  previousHanEnd,
} from '../../lib/content/word-steps';
import { MAX_LOOKUP_TEXT } from '../../lib/dictionary-types';

const text = (data: string) => ({ data, length: data.length }) as Text;

/** The window around `offset` of the node `nodes[at]`, the others being the run's nodes before and after it. */
function around(nodes: Text[], at: number, offset: number) {
  return windowOf(nodes[at]!, offset, nodes.slice(0, at).reverse(), nodes.slice(at + 1));
}

describe('the text window around the pointer', () => {
  test('reads the point’s node and the run’s nodes beside it: 一区<b>五</b>城', () => {
    const nodes = [text('建设一区'), text('五'), text('城的目标')];
    const window = around(nodes, 0, 2);
    expect(window).toMatchObject({ text: '建设一区五城的目标', offset: 2, startsRun: true, endsRun: true });
    expect(pointAt(window, 4)).toEqual({ node: nodes[1], offset: 0 });
    expect(pointAt(window, 5)).toEqual({ node: nodes[2], offset: 0 });
    // An end position maps to the end of the node before.
    expect(pointAt(window, 5, true)).toEqual({ node: nodes[1], offset: 1 });
    expect(indexOf(window, nodes[2]!, 3)).toBe(8);
    expect(indexOf(window, text('城的目标'), 0)).toBe(-1);
    // From the middle node: the same text, the point elsewhere.
    expect(around(nodes, 1, 0)).toMatchObject({ text: '建设一区五城的目标', offset: 4 });
  });

  test('a word at the very end of a node, and of the run', () => {
    const window = around([text('我爱北京')], 0, 3);
    expect(window).toMatchObject({ text: '我爱北京', offset: 3, endsRun: true });
    expect(pointAt(window, 4)).toBeNull();
    expect(pointAt(window, 4, true)).toEqual({ node: expect.anything(), offset: 4 });
  });

  test('never more than the lookup takes, however long the node: a little before the point, the rest after', () => {
    const huge = text(`${'的'.repeat(5_000_000)}步履铿锵${'的'.repeat(5_000_000)}`);
    const window = around([huge], 0, 5_000_000);
    expect(window.text.length).toBe(MAX_LOOKUP_TEXT);
    expect(window.offset).toBe(24);
    expect(window.text.slice(24, 28)).toBe('步履铿锵');
    expect(window).toMatchObject({ startsRun: false, endsRun: false });
    expect(pointAt(window, 24)).toEqual({ node: huge, offset: 5_000_000 });
    // At least 19 code units after the point (CC-CEDICT's longest word), and the nodes past need not be read.
    const later = {
      *[Symbol.iterator]() {
        throw new Error('read past the window');
      },
    } as Iterable<Text>;
    expect(windowOf(text('甲'.repeat(100)), 10, [], later).text.length).toBe(10 + 40);
  });

  test('reads across many small nodes, but only as many as it needs', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => text(i % 2 ? '' : '字'));
    const read: number[] = [];
    const after = nodes.slice(501);
    const window = windowOf(nodes[500]!, 0, nodes.slice(0, 500).reverse(), {
      *[Symbol.iterator]() {
        for (const [i, node] of after.entries()) {
          read.push(i);
          yield node;
        }
      },
    });
    expect(window.text).toBe('字'.repeat(24 + 40));
    expect(window.offset).toBe(24);
    expect(read.length).toBeLessThan(80);
  });

  test('is cut between whole characters: a surrogate pair at either end is left out, not halved', () => {
    const rare = '𫫇'; // two code units
    // The pair straddles the window's start (24 code units before the point).
    const before = text(`${rare}${'字'.repeat(23)}`);
    const window = around([before, text('步履')], 1, 0);
    expect(window.text).toBe(`${'字'.repeat(23)}步履`);
    expect(window.offset).toBe(23);
    expect(pointAt(window, 0)).toEqual({ node: before, offset: 2 });
    // And its end (40 code units from the point).
    const after = around([text(`${'字'.repeat(39)}${rare}尾`)], 0, 0);
    expect(after.text).toBe('字'.repeat(39));
    // A point inside a pair counts from the pair's start.
    expect(around([text(`二${rare}英`)], 0, 2)).toMatchObject({ text: `二${rare}英`, offset: 1 });
    // A lone surrogate of the page's text is kept: it is the page's, and the lookup passes over it.
    expect(around([text('铿锵\ud800步履')], 0, 3)).toMatchObject({ text: '铿锵\ud800步履', offset: 3 });
  });

  test('an empty text node, or a point at its end', () => {
    expect(around([text('新时代'), text(''), text('新征程')], 1, 0)).toMatchObject({ text: '新时代新征程', offset: 3 });
    expect(around([text('新时代'), text('新征程')], 0, 3)).toMatchObject({ text: '新时代新征程', offset: 3 });
  });
});

describe('where the card’s keys step to', () => {
  test('the next word starts at the next Chinese character, past punctuation, Latin and digits', () => {
    expect(nextHanStart('铿锵，走向2035年', 2)).toBe(3);
    expect(nextHanStart('走向2035年', 2)).toBe(6);
    expect(nextHanStart('走向 the future', 2)).toBe(-1);
    expect(nextHanStart('铿锵', 2)).toBe(-1);
  });

  test('the previous word ends after the last Chinese character before the point', () => {
    expect(previousHanEnd('步履铿锵，地走', 5)).toBe(4);
    expect(previousHanEnd('2035年，走向', 6)).toBe(5);
    expect(previousHanEnd('，走向', 1)).toBe(-1);
    expect(previousHanEnd('', 0)).toBe(-1);
  });

  test('characters outside the BMP count whole; lone surrogates are no characters', () => {
    const text = '二𫫇英';
    expect(charLength(text, 1)).toBe(2);
    expect(isHanAt(text, 1)).toBe(true);
    expect(isHanAt(text, 2)).toBe(false); // the pair's second half
    expect(characterStart(text, 2)).toBe(1);
    expect(previousCharacterStart(text, 3)).toBe(1);
    expect(nextHanStart(text, 2)).toBe(3);
    expect(previousHanEnd(text, 3)).toBe(3);
    expect(previousHanEnd(text, 2)).toBe(1); // from inside the pair: before it
    expect(nextHanStart('铿锵\ud800步履', 2)).toBe(3);
    expect(previousHanEnd('铿锵\udc00步履', 3)).toBe(2);
    expect(isHanAt('\ud800', 0)).toBe(false);
  });
});
