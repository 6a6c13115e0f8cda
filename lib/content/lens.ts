/**
 * The content script's controller: finds the terms (scanner), paints the ones near the viewport (highlight
 * registry), explains the one under the pointer or stepped to with the keyboard (popover), or the general
 * dictionary's word under the pointer where there is no term (word-lens.ts), and tells the background what the
 * page holds. Wiring only: each part lives in its own module.
 */
import type { browser } from 'wxt/browser';
import type { MatcherData } from '../glossary-types';
import { Matcher } from '../matcher/matcher';
import { MAX_LOOKUP_TEXT } from '../dictionary-types';
import { MAX_PAGE_TEXT, type BackgroundProtocol, type Sighting, type TabProtocol } from '../messages/protocol';
import { receiveMessages } from '../messages/receive';
import { sendToBackground } from '../messages/send';
import { lensSettings, setTermMarked, type LensSettings } from '../settings';
import { speak } from '../speech';
import { Annotations, type TermMatch } from './annotations';
import { backgroundOf, isDark } from './backdrop';
import { makeHighlights } from './highlights';
import { lookAtPoint, type CharacterAt } from './pointer';
import { PopoverHost, type PopoverViewClass } from './popover-host';
import { Proximity } from './proximity';
import { bringIntoClearView, nextOccurrence } from './reveal';
import { rectOf } from './ranges';
import { PageScanner } from './scanner';
import { PageSenses } from './senses';
import { sentenceAround } from './sentence';
import { nextMatch } from './stepper';
import { mark, measure } from './timing';
import { WordLens } from './word-lens';

/** How long the popover stays after the pointer leaves the term, so that it can move into the popover. */
const CLOSE_DELAY_MS = 300;
/** How far (px) a resting pointer may drift (a hand on a mouse is never quite still) without starting its rest again. */
const REST_SLACK = 3;
/** Reports to the background are batched: a page that changes all the time sends at most this often. */
const REPORT_DELAY_MS = 250;
/** How long a term revealed from the popup stays marked. */
const FLASH_MS = 1500;

type DetailsAnswer = BackgroundProtocol['entry-details']['answer'];

export interface LensOptions {
  doc: Document;
  matcherData: MatcherData;
  runtime: typeof browser.runtime;
  /**
   * The popover's "Open in glossary". By default the background opens the glossary page in a new tab (a
   * content script cannot open extension pages); the glossary page itself just moves to the entry.
   */
  openGlossary?: (term: string) => void;
  /** The reader's settings (lib/settings); a running lens takes new ones through configure(). */
  settings?: LensSettings;
  /** Loads the popover's UI (lib/content/popover-host.ts), the first time a popover is wanted. */
  loadPopoverView: () => Promise<PopoverViewClass>;
}

export interface Lens {
  scanner: PageScanner;
  configure(settings: LensSettings): void;
  stop(): void;
}

export function startLens({
  doc,
  matcherData,
  runtime,
  openGlossary,
  settings: initial = lensSettings.defaults,
  loadPopoverView,
}: LensOptions): Lens {
  const started = performance.now();
  mark('start');
  const view = doc.defaultView!;
  let settings = initial;
  const highlights = makeHighlights(doc, initial.highlightStyle);
  const proximity = new Proximity(view, (verdicts) => {
    const judged = performance.now();
    for (const { block, near, top, height } of verdicts)
      annotations.setNear(block, near, { top, height, viewportHeight: view.innerHeight });
    measure('near', judged);
  });
  const annotations = new Annotations(highlights.terms, proximity);
  const entryOf = new Map(matcherData.terms.map((term, entry) => [term, entry]));
  /** The reader's choices of what to mark (settings): terms unmarked, and each term's first occurrence only. */
  const marksOf = ({ unmarkedTerms, markFirstOnly }: LensSettings) => ({
    unmarked: new Set(unmarkedTerms.flatMap((term) => entryOf.get(term) ?? [])),
    firstOnly: markFirstOnly,
  });
  annotations.setMarks(marksOf(initial));
  const popover = new PopoverHost(doc, loadPopoverView);
  const senses = new PageSenses(
    async (checks) => (await sendToBackground(runtime, 'word-check', { checks }))?.stands ?? null,
    (blocks) => scanner.rescan(blocks),
  );
  const scanner = new PageScanner(
    doc,
    new Matcher(matcherData.trie),
    annotations,
    {
      onChange: () => {
        if (settings.markFirstOnly) annotations.refreshMarks();
        scheduleReport();
      },
      onPageChange: (removed) => proximity.layoutChanged(removed),
      isOurs: (node) => popover.owns(node),
    },
    senses,
  );
  popover.setToneColours(initial.toneColours);

  // ---- Telling the background what the page holds.
  let reportTimer: ReturnType<typeof setTimeout> | null = null;
  let reported = '';
  function scheduleReport() {
    if (reportTimer !== null) return;
    reportTimer = setTimeout(() => {
      reportTimer = null;
      const terms = [...annotations.entryCounts()].map(([entry, count]) => ({
        term: matcherData.terms[entry]!,
        count,
      }));
      const key = JSON.stringify(terms);
      if (key === reported) return;
      reported = key;
      sendToBackground(runtime, 'terms-found', { terms, page: thisPage(), sightings: newSightings() }).catch(() => {
        reported = ''; // the background was asleep or reloading: report again next time
      });
    }, REPORT_DELAY_MS);
  }

  /** A page's address and title may be megabytes: the background keeps only so much of them anyway. */
  const thisPage = () => ({ url: doc.URL.slice(0, MAX_PAGE_TEXT), title: doc.title.slice(0, MAX_PAGE_TEXT) });

  /** Each term's sentence is sent once a page (the background keeps it if the learner wants a history). */
  const sighted = new Set<number>();
  function newSightings(): Sighting[] {
    const unseen = [...annotations.entryCounts().keys()].filter((entry) => !sighted.has(entry));
    if (unseen.length === 0) return [];
    const found = annotations.firstMatches(new Set(unseen));
    return [...found].map(([entry, match]) => {
      sighted.add(entry);
      return { term: matcherData.terms[entry]!, sentence: sentenceAround(match.range) };
    });
  }

  // ---- The popover, and the term it explains (marked on the page while its card is open).
  let shown: TermMatch | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | null = null;
  let request = 0;
  const cancelClose = () => {
    if (closeTimer !== null) clearTimeout(closeTimer);
    closeTimer = null;
  };
  const markTerm = (range: StaticRange | null) => {
    highlights.focus.clear();
    if (range) highlights.focus.add(range);
  };
  const close = () => {
    cancelClose();
    if (shown) markTerm(null);
    shown = null;
    words.hide();
    popover.hide();
  };

  /** The details of the term the pointer rests on, asked for while it rests: the card opens when the rest ends. */
  let prefetched: { term: string; answer: Promise<DetailsAnswer | undefined> } | null = null;
  const prefetch = (term: string) => {
    if (prefetched?.term !== term)
      prefetched = { term, answer: sendToBackground(runtime, 'entry-details', { term }).catch(() => undefined) };
  };
  /** The term's details: those asked for ahead if they are the ones (once: whether it is saved may change). */
  const detailsOf = (term: string) => {
    prefetch(term);
    const { answer } = prefetched!;
    prefetched = null;
    return answer;
  };

  /** The card's theme: the reader's, or the page's where the term is drawn. */
  const themeFor = (range: AbstractRange): 'light' | 'dark' =>
    settings.cardTheme !== 'page'
      ? settings.cardTheme
      : isDark(backgroundOf(range.startContainer.parentElement))
        ? 'dark'
        : 'light';

  interface Opening {
    /** Another entry than the match's (a part of its breakdown), and the one the reader came from. */
    term?: string;
    previous?: string;
    /** The reader stepped to the term with the keyboard: the card takes the focus. */
    takeFocus?: boolean;
  }

  async function open(match: TermMatch, { term = matcherData.terms[match.entry]!, previous, takeFocus }: Opening = {}) {
    cancelClose();
    cancelRest();
    words.hide();
    shown = match;
    const mine = ++request;
    void popover.prepare(); // the first time: loaded while the details come
    const response = await detailsOf(term);
    if (mine !== request || shown !== match || !response?.details) return;
    const opened = await popover.show(
      {
        details: response.details,
        saved: response.saved,
        onToggleSave: async (save) => {
          // Saved from the card of the occurrence under the pointer: that sentence is where the learner met it (a
          // part opened from the card's breakdown is not in it, and goes without).
          const met =
            save && term === matcherData.terms[match.entry]
              ? { page: thisPage(), sentence: sentenceAround(match.range) }
              : {};
          const answer = await sendToBackground(runtime, 'save-term', { term, save, ...met }).catch(() => undefined);
          return answer?.saved ?? !save;
        },
        previous,
        pinyinStyle: settings.pinyinStyle,
        showTranslation: settings.showTranslation,
        view: settings.cardView,
        // The reader's choice is the next card's first view, in every tab.
        onViewChange: (cardView) => {
          settings = { ...settings, cardView };
          lensSettings.update({ cardView }).catch(() => {});
        },
        theme: themeFor(match.range),
        fontSize: settings.cardFontSize,
        // The reader's marks change through the settings' watch, here and in every tab.
        onSetMarked: (marked) => setTermMarked(term, marked),
        onOpenEntry: (next) => void open(match, { term: next, previous: next === previous ? undefined : term }),
        onSpeak: speak,
        onCopy: (text) => popover.copy(text),
        loadDictionary: () => dictionaryEntriesOf(term),
        onOpenGlossary:
          openGlossary ??
          ((name) => {
            sendToBackground(runtime, 'open-glossary', { term: name }).catch(() => {});
          }),
      },
      match.range,
      { takeFocus },
    );
    if (opened && mine === request) markTerm(match.range);
  }

  /** The general dictionary's entries written as the term (a glossary card shows them under More). */
  const dictionaryEntriesOf = async (term: string) => {
    if (term.length > MAX_LOOKUP_TEXT) return [];
    const answer = await sendToBackground(runtime, 'dictionary-lookup', { text: term, offset: 0 });
    return answer?.words.find((word) => word.text === term)?.entries ?? [];
  };

  // ---- The general dictionary's card, for Chinese text that is no glossary term.
  const words = new WordLens({
    doc,
    runtime,
    popover,
    highlight: highlights.word,
    settings: () => settings,
    themeFor,
    glossaryMatchAt: (node, offset) => annotations.matchAt(node, offset),
    openTerm: (match) => void open(match),
    onShow: () => {
      // The word's card takes the place of a term's: that term is no longer explained, nor marked.
      cancelClose();
      cancelRest();
      request++;
      if (shown) markTerm(null);
      shown = null;
    },
    page: thisPage,
  });

  // ---- Pointing (the popover trigger setting): hover opens once the pointer rests on a term, shift-hover on
  // pointing with Shift held (or pressing Shift while pointing), click on a click; at most one lookup per frame.
  let pointer: { x: number; y: number; overPopover: boolean; shift: boolean } | null = null;
  /** Where the last pointer event was: a move that did not move is no act of the reader's (see onPointerMove). */
  let pointerAt: { x: number; y: number } | null = null;
  let frameRequested = false;

  /**
   * What the pointer rests on, and where the rest began: a term (its card opens if the pointer stays there long
   * enough), or a Chinese character of no term (the card of the dictionary's word that starts there).
   */
  let resting: { target: Target; x: number; y: number; timer: ReturnType<typeof setTimeout> } | null = null;
  const cancelRest = () => {
    if (resting) clearTimeout(resting.timer);
    resting = null;
  };
  /** Explains the target: the term's card, or the dictionary's for the word at the character. */
  const explain = (target: Target) => {
    if (target.match) void open(target.match);
    else words.show(target.character);
  };
  /** Explains the target once the pointer has rested on it (a pointer passing over a line opens nothing). */
  const awaitRest = (target: Target, x: number, y: number) => {
    if (resting && sameTarget(resting.target, target) && Math.hypot(x - resting.x, y - resting.y) <= REST_SLACK) return;
    cancelRest();
    if (target.match) prefetch(matcherData.terms[target.match.entry]!);
    const timer = setTimeout(() => {
      resting = null;
      // Still under the pointer: the page may have moved another text there meanwhile.
      if (
        !pointer ||
        !sameTarget(targetOf(lookAtPoint(doc, annotations, pointer.x, pointer.y, scanner.shadowRoots)), target)
      )
        return;
      mark(target.match ? 'popover-rest' : 'word-rest');
      explain(target);
    }, settings.hoverDelayMs);
    resting = { target, x, y, timer };
  };

  const lookAtPointer = () => {
    if (!pointer) return;
    if (pointer.overPopover) {
      cancelRest();
      return cancelClose();
    }
    const pointed = lookAtPoint(doc, annotations, pointer.x, pointer.y, scanner.shadowRoots);
    if (pointed.overTermText || pointed.character) popover.warmUp();
    const trigger = settings.popoverTrigger;
    const target = targetOf(pointed);
    if (target && (target.match ? target.match === shown : words.showsWordsAt(target.character))) {
      cancelRest();
      return cancelClose();
    }
    if (target && trigger === 'hover') awaitRest(target, pointer.x, pointer.y);
    else if (target && trigger === 'shift-hover' && pointer.shift) return explain(target);
    else cancelRest();
    // Still on the word whose card is open (another character of it, which the pointer may yet rest on).
    if (pointed.character && words.covers(pointed.character)) return cancelClose();
    // Off the card's term or word (onto nothing, or onto another it may yet rest on): it closes, unless a click
    // opened it (it stays until the next click or Escape).
    if ((shown || words.isShown) && closeTimer === null && trigger !== 'click')
      closeTimer = setTimeout(close, CLOSE_DELAY_MS);
  };
  const onPointerMove = (event: PointerEvent) => {
    // A page's synthetic pointer events could open popovers at will (and read what they show): only real ones.
    if (event.pointerType === 'touch' || !event.isTrusted) return;
    // Nor may a page bring a term to the resting pointer: the browser repeats the pointer's position now and
    // then (a trusted pointermove whose coordinates did not change), and what lies there may be whatever the
    // page moved there. Only a pointer that moved points at something.
    if (pointerAt && pointerAt.x === event.clientX && pointerAt.y === event.clientY) return;
    pointerAt = { x: event.clientX, y: event.clientY };
    pointer = { x: event.clientX, y: event.clientY, overPopover: popover.contains(event), shift: event.shiftKey };
    if (frameRequested) return;
    frameRequested = true;
    view.requestAnimationFrame(() => {
      frameRequested = false;
      lookAtPointer();
    });
  };
  // Only the reader's own clicks and keys: a page's synthetic events must not open popovers (and read them).
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || settings.popoverTrigger !== 'click' || popover.contains(event)) return;
    // A click with a modifier (or not the main button) opens a link elsewhere, as the reader means it to.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    // The end of a text selection is no request for an explanation.
    if (view.getSelection()?.isCollapsed === false) return;
    const { match, character } = lookAtPoint(doc, annotations, event.clientX, event.clientY, scanner.shadowRoots);
    // A word of the dictionary explained on a click, but not in a link: there the click follows it.
    if (!match && character && !inLink(event)) return words.show(character);
    if (!match) {
      if (shown || words.isShown) close();
      return;
    }
    // A second click on the term whose card is open does what it does without us: a link is followed.
    if (match === shown) return;
    // The first one on a term inside a link explains the term, and does not leave the page.
    if (inLink(event)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    void open(match);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape') {
      cancelRest();
      if (popover.isOpen) {
        // Pressed in our card, Escape is ours: neither the page (closing its dialog) nor the browser (emptying
        // the search box the focus goes back to) may act on it too.
        if (popover.contains(event)) {
          event.preventDefault();
          event.stopImmediatePropagation();
        }
        close();
      }
    }
    if (event.key === 'Shift' && settings.popoverTrigger === 'shift-hover' && pointer) {
      pointer.shift = true;
      lookAtPointer();
    }
    // The dictionary card's keys (word-lens.ts), kept from the page when they are ours.
    if (words.onKey(event)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  view.addEventListener('pointermove', onPointerMove, { passive: true, capture: true });
  view.addEventListener('click', onClick, { capture: true });
  view.addEventListener('keydown', onKeyDown, { capture: true });

  const isAboveView = (match: TermMatch) => rectOf(doc, match.range).bottom < 0;
  const isBelowView = (match: TermMatch) => rectOf(doc, match.range).top > view.innerHeight;

  // ---- Keyboard stepping (a browser command, relayed by the background to the top frame): the term is marked
  // at once, brought into view, and its card opened with the focus in it.
  let stepped: TermMatch | null = null;
  async function step(direction: 1 | -1) {
    await scanner.settled();
    const target = nextMatch(annotations.inDocumentOrder(), stepped, direction, isAboveView, isBelowView);
    if (!target) return;
    stepped = target;
    markTerm(target.range);
    bringIntoClearView(doc, target.range);
    await open(target, { takeFocus: true });
  }
  // ---- Revealing an entry's occurrences one by one (the popup's "On this page" list).
  let revealed: TermMatch | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | null = null;
  async function reveal(term: string): Promise<TabProtocol['reveal-term']['answer']> {
    const entry = matcherData.terms.indexOf(term);
    if (entry < 0) return { revealed: false };
    await scanner.settled();
    const found = nextOccurrence(annotations.inDocumentOrder(), entry, revealed, isAboveView, isBelowView);
    if (!found) return { revealed: false };
    const target = found.match;
    revealed = target;
    bringIntoClearView(doc, target.range);
    markTerm(target.range);
    if (flashTimer !== null) clearTimeout(flashTimer);
    flashTimer = setTimeout(() => {
      flashTimer = null;
      markTerm(shown?.range ?? null);
    }, FLASH_MS);
    return { revealed: true, index: found.index + 1, count: found.count };
  }

  const stopReceiving = receiveMessages<TabProtocol>(runtime.onMessage, {
    'step-term': ({ direction }) => void step(direction),
    'reveal-term': ({ term }) => reveal(term),
  });

  void scanner.start();
  measure('setup', started);
  return {
    scanner,
    configure(next) {
      if (next.highlightStyle !== settings.highlightStyle) highlights.setStyle(next.highlightStyle);
      if (next.toneColours !== settings.toneColours) popover.setToneColours(next.toneColours);
      if (next.markFirstOnly !== settings.markFirstOnly || next.unmarkedTerms.join() !== settings.unmarkedTerms.join())
        annotations.setMarks(marksOf(next));
      if (next.popoverTrigger !== settings.popoverTrigger) {
        cancelRest();
        close();
      }
      settings = next;
    },
    stop() {
      scanner.stop();
      proximity.stop();
      cancelRest();
      close();
      popover.remove();
      if (flashTimer !== null) clearTimeout(flashTimer);
      if (reportTimer !== null) clearTimeout(reportTimer);
      reportTimer = null;
      // A stopped lens shows nothing: the popup's list and the badge must not keep what it reported.
      if (reported !== '' && reported !== '[]') {
        sendToBackground(runtime, 'terms-found', { terms: [] }).catch(() => {});
      }
      view.removeEventListener('pointermove', onPointerMove, { capture: true });
      view.removeEventListener('click', onClick, { capture: true });
      view.removeEventListener('keydown', onKeyDown, { capture: true });
      stopReceiving();
      highlights.remove();
    },
  };
}

/** What the pointer may rest on: a term, or a Chinese character of no term. */
type Target = { match: TermMatch; character?: undefined } | { match?: undefined; character: CharacterAt };

function targetOf({ match, character }: { match: TermMatch | null; character: CharacterAt | null }): Target | null {
  if (match) return { match };
  return character ? { character } : null;
}

function sameTarget(a: Target | null, b: Target): boolean {
  if (!a) return false;
  if (a.match || b.match) return a.match === b.match;
  return a.character.node === b.character.node && a.character.offset === b.character.offset;
}

/** Whether a click landed inside a link (one with somewhere to go), through shadow roots too. */
function inLink(event: Event): boolean {
  return event
    .composedPath()
    .some(
      (node) =>
        node instanceof Element &&
        (node.localName === 'a' || node.localName === 'area') &&
        (node.hasAttribute('href') || node.hasAttributeNS(XLINK, 'href')),
    );
}

const XLINK = 'http://www.w3.org/1999/xlink';
