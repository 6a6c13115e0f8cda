/**
 * Every message between the extension's parts, in one map: what each request holds (a schema, from which its
 * type is derived) and what it is answered with. Two directions:
 *
 * - to the background, from content scripts and our pages (`BackgroundProtocol`). Content scripts run inside
 *   web pages, so what they send is what a page could make them send: the background validates every request
 *   against its schema and checks who sent it (`SENDERS`) before acting (receive-in-background.ts);
 * - to a tab's content script, from the background and the popup (`TabProtocol`). Only the extension's own
 *   parts can send these; the popup validates the answers it gets back, which come from inside a page.
 *
 * valibot rather than zod: the content script imports these schemas, and every page load pays for it. valibot
 * tree-shakes to ~2.5 KB gzip for these schemas and builds them without start-up work; zod/mini measured
 * 7.4 KB gzip and several milliseconds of module evaluation, against a 10 ms start-up budget.
 */
import * as v from 'valibot';
import { MAX_LOOKUP_TEXT, type DictionaryWord } from '../dictionary-types';
import type { EntryDetails } from '../entry-details';

/** Text taken from web pages (addresses, titles, sentences) is cut to this length, not refused. */
export const MAX_PAGE_TEXT = 2000;

const term = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const pageText = v.pipe(
  v.string(),
  v.transform((text) => text.slice(0, MAX_PAGE_TEXT)),
);
/** Checks sent at most in one word-check message (a page sends more in several). */
const MAX_WORD_CHECKS = 200;
const wordCheck = v.pipe(
  v.object({
    text: v.pipe(v.string(), v.maxLength(MAX_LOOKUP_TEXT)),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer()),
    /** An ambiguous form: every reading of the text must stand it (standsAsWord). */
    strict: v.boolean(),
  }),
  v.check(({ text, start, end }) => start < end && end <= text.length, 'the match must lie inside its text'),
);
const termCount = v.object({ term, count: v.pipe(v.number(), v.integer(), v.minValue(1)) });
const sighting = v.object({ term, sentence: pageText });
const page = v.object({ url: pageText, title: pageText });

export type TermCount = v.InferOutput<typeof termCount>;
/** A term's first sentence on a page, for the learner's "where I met it" history. */
export type Sighting = v.InferOutput<typeof sighting>;

/** Requests to the background, each checked against its schema on arrival. */
const toBackground = {
  /** The terms one frame shows now (replacing its earlier report), and sentences of terms new on this page. */
  'terms-found': v.object({
    terms: v.pipe(v.array(termCount), v.maxLength(10_000)),
    page: v.optional(page),
    sightings: v.optional(v.pipe(v.array(sighting), v.maxLength(500))),
  }),
  /** What the popover shows for an entry, and whether it is on the study list. */
  'entry-details': v.object({ term }),
  /**
   * Puts the term on the study list (save: true) or takes it off. Saved from a card on a page, with the page and
   * the sentence of the occurrence the card explains: where the learner met it, for their history.
   */
  'save-term': v.object({ term, save: v.boolean(), page: v.optional(page), sentence: v.optional(pageText) }),
  /** What a tab shows, summed over its frames (the popup's list). */
  'page-terms': v.object({ tabId: v.pipe(v.number(), v.integer()) }),
  /** Opens the glossary page at the entry, in a new tab beside the sender's (content scripts cannot). */
  'open-glossary': v.object({ term }),
  /**
   * The dictionary words that start at `offset` of `text` (a little of the page's text around the pointer,
   * which should run at least 19 code units past it: CC-CEDICT's longest word). An empty text, or an offset at
   * or past its end, is answered with no words. `ending`: the words that end at `offset` instead (the word
   * before a point, for stepping back: the text should run 19 code units before it).
   */
  'dictionary-lookup': v.object({
    text: v.pipe(v.string(), v.maxLength(MAX_LOOKUP_TEXT)),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_LOOKUP_TEXT)),
    ending: v.optional(v.boolean()),
  }),
  /**
   * Puts a word of the general dictionary on the study list (save: true) or takes it off; only words the
   * dictionary has. Saved from the dictionary's card on a page, with the page and the sentence the word is in: its
   * context for review, and where the learner met it.
   */
  'save-word': v.object({
    word: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_LOOKUP_TEXT)),
    save: v.boolean(),
    page: v.optional(page),
    sentence: v.optional(pageText),
  }),
  /**
   * Whether glossary matches of short forms stand as words where they are (lib/matcher/sense.ts, standsAsWord):
   * each `text` is a little of the page's text between the neighbouring glossary matches, and [start, end) the
   * match in it.
   */
  'word-check': v.object({ checks: v.pipe(v.array(wordCheck), v.maxLength(MAX_WORD_CHECKS)) }),
};

/** Requests to a tab's content script (the top frame, or every frame for toggle-page). */
const toTab = {
  /** Step to the next or previous term, mark it and open its popover (keyboard command). */
  'step-term': v.object({ direction: v.picklist([1, -1]) }),
  /** Scroll to the entry's next occurrence and flash it (the popup's list). */
  'reveal-term': v.object({ term }),
  /** Which site the page belongs to, and whether the lens is on there. */
  'lens-status': v.object({}),
  /** Pause the lens on this page, or resume it (keyboard command, the popup's Resume). */
  'toggle-page': v.object({}),
};

/** The answers of a tab, which come from inside a web page: the popup checks them against these. */
export const tabAnswerSchemas = {
  'step-term': v.undefined(),
  'reveal-term': v.object({
    /** False when the frame shows no occurrence of the entry (it may be in a subframe). */
    revealed: v.boolean(),
    /** Which occurrence is shown (1-based), of how many the frame shows. */
    index: v.optional(v.pipe(v.number(), v.integer())),
    count: v.optional(v.pipe(v.number(), v.integer())),
  }),
  'lens-status': v.object({
    /** The key under which the per-site switch is stored (the top page's host name). */
    site: v.string(),
    enabled: v.boolean(),
    /** Switched off on this page only, with the keyboard command (until the page is reloaded). */
    paused: v.boolean(),
  }),
  'toggle-page': v.undefined(),
};

/** What the background answers; it is our own code, so its answers are typed rather than checked. */
interface BackgroundAnswers {
  'terms-found': void;
  'entry-details': { details: EntryDetails | null; saved: boolean };
  'save-term': { saved: boolean };
  'page-terms': { terms: TermCount[] };
  'open-glossary': void;
  /**
   * The longest word first, then the shorter words inside it; [] where no word starts. `saved`: those of the
   * words that are on the study list. `unavailable`: the dictionary could not be read (a damaged install), which
   * the sender can tell apart from "no word here".
   */
  'dictionary-lookup': { words: DictionaryWord[]; saved?: string[]; unavailable?: true };
  'save-word': { saved: boolean };
  /** One answer per check, in order; null when the dictionary could not be read. */
  'word-check': { stands: boolean[] | null };
}

export const requestSchemas = { ...toBackground, ...toTab };

type Protocol<Requests extends Record<string, v.GenericSchema>, Answers extends Record<keyof Requests, unknown>> = {
  [K in keyof Requests]: {
    /** As a sender writes it. */
    request: v.InferInput<Requests[K]> & { type: K };
    /** As a receiver gets it, after validation (page text cut to length). */
    received: v.InferOutput<Requests[K]> & { type: K };
    answer: Answers[K];
  };
};

export type BackgroundProtocol = Protocol<typeof toBackground, BackgroundAnswers>;
export type TabProtocol = Protocol<
  typeof toTab,
  { [K in keyof typeof tabAnswerSchemas]: v.InferOutput<(typeof tabAnswerSchemas)[K]> }
>;
export type BackgroundMessage = keyof BackgroundProtocol;
export type TabMessage = keyof TabProtocol;

/**
 * Who may ask the background what: `page` is one of the extension's own pages (the popup, the glossary page);
 * `any` adds content scripts. What a tab shows is for the popup alone, not for a page to read of another tab.
 */
const SENDERS: Record<BackgroundMessage, 'page' | 'any'> = {
  'terms-found': 'any',
  'entry-details': 'any',
  'save-term': 'any',
  'page-terms': 'page',
  'open-glossary': 'any',
  'dictionary-lookup': 'any',
  'save-word': 'any',
  'word-check': 'any',
};

/** Whether `sender` may ask the background this (SENDERS); `extensionOrigin` is runtime.getURL('/'). */
export function senderAllowed(type: string, sender: { url?: string }, extensionOrigin: string): boolean {
  const allowed = Object.hasOwn(SENDERS, type) ? SENDERS[type as BackgroundMessage] : null;
  return allowed === 'any' || (allowed === 'page' && sender.url?.startsWith(extensionOrigin) === true);
}

/** The request of a known type, validated, or why it is not one of ours. */
export function parseRequest(value: unknown): { type: string; request: Record<string, unknown> } | { invalid: string } {
  if (typeof value !== 'object' || value === null) return { invalid: 'not an object' };
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type))
    return { invalid: `unknown type ${JSON.stringify(type)}` };
  const parsed = v.safeParse(requestSchemas[type as keyof typeof requestSchemas], value);
  if (!parsed.success) return { invalid: `${type}: ${describeIssue(parsed.issues[0])}` };
  return { type, request: { ...parsed.output, type } };
}

/** "bad term: Invalid length: Expected <=100 but received 101", from valibot's first issue. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((step) => String(step.key)).join('.');
  return path ? `bad ${path}: ${issue.message}` : issue.message;
}
