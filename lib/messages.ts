/**
 * Messages between the extension's parts. Each is checked on arrival: a malformed message is ignored with
 * a logged reason, never acted on.
 */

import type { Browser, browser } from 'wxt/browser';
import type { EntryDetails } from './entry-details';

export interface TermCount {
  /** The glossary entry's main form. */
  term: string;
  count: number;
}

/** A term's first sentence on a page, for the learner's "where I met it" history. */
export interface Sighting {
  term: string;
  sentence: string;
}

/** Content script → background: the terms one frame currently shows. Replaces that frame's earlier report. */
export interface TermsFoundMessage {
  type: 'terms-found';
  terms: TermCount[];
  /** The frame's address and title, and the sentences of terms not reported from this page before. */
  page?: { url: string; title: string };
  sightings?: Sighting[];
}

/** Popup → background: what the given tab shows, summed over its frames. Answer: PageTermsResponse. */
export interface PageTermsMessage {
  type: 'page-terms';
  tabId: number;
}

export interface PageTermsResponse {
  terms: TermCount[];
}

/** Content script (popover) → background: an entry's details. Answer: EntryDetailsResponse. */
export interface EntryDetailsMessage {
  type: 'entry-details';
  term: string;
}

export interface EntryDetailsResponse {
  details: EntryDetails | null;
  /** Whether the term is on the learner's study list. */
  saved: boolean;
}

/** Popover → background: put the term on the study list (save: true) or take it off. Answer: SaveTermResponse. */
export interface SaveTermMessage {
  type: 'save-term';
  term: string;
  save: boolean;
}

export interface SaveTermResponse {
  saved: boolean;
}

/** Background → the tab's top frame (keyboard command): step to the next or previous term. */
export interface StepTermMessage {
  type: 'step-term';
  direction: 1 | -1;
}

/** Popup → the tab's top frame: scroll to the entry's next occurrence and flash it. Answer: RevealTermResponse. */
export interface RevealTermMessage {
  type: 'reveal-term';
  /** The entry's main form (as page-terms gives it). */
  term: string;
}

export interface RevealTermResponse {
  /** False when the frame shows no occurrence of the entry (it may be in a subframe). */
  revealed: boolean;
  /** Which occurrence is shown (1-based) of how many the frame shows. */
  index?: number;
  count?: number;
}

/** Content script (popover) → background: open the glossary page at this entry, in a new tab. */
export interface OpenGlossaryMessage {
  type: 'open-glossary';
  term: string;
}

/**
 * Popup → the tab's top frame: which site the page belongs to and whether the lens is on there. No answer
 * (a failed send) means that no content script runs in the tab: a browser page, or one opened before install.
 */
export interface LensStatusMessage {
  type: 'lens-status';
}

export interface LensStatusResponse {
  /** The key under which the per-site switch is stored (the top page's host name). */
  site: string;
  enabled: boolean;
  /** Switched off on this page only, with the keyboard command (until the page is reloaded). */
  paused?: boolean;
}

/** Background (keyboard command) → every frame of the tab: pause the lens on this page, or resume it. */
export interface TogglePageMessage {
  type: 'toggle-page';
}

export type Message =
  | TermsFoundMessage
  | SaveTermMessage
  | PageTermsMessage
  | EntryDetailsMessage
  | StepTermMessage
  | RevealTermMessage
  | OpenGlossaryMessage
  | LensStatusMessage
  | TogglePageMessage;

function isTerm(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 100;
}

function isTermCounts(value: unknown): value is TermCount[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.term === 'string' &&
        Number.isInteger(item.count) &&
        item.count > 0,
    )
  );
}

/** Page addresses and sentences come from web pages: bounded, so that a hostile page cannot flood storage. */
const MAX_TEXT = 2000;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;

function isPage(value: unknown): boolean {
  return (
    value === undefined ||
    (typeof value === 'object' &&
      value !== null &&
      isText((value as { url?: unknown }).url) &&
      isText((value as { title?: unknown }).title))
  );
}

function isSightings(value: unknown): boolean {
  return (
    value === undefined ||
    (Array.isArray(value) &&
      value.length <= 500 &&
      value.every((s) => typeof s === 'object' && s !== null && isTerm(s.term) && isText(s.sentence)))
  );
}

/** The message, or a reason why it is not one of ours. */
export function parseMessage(value: unknown): Message | { invalid: string } {
  if (typeof value !== 'object' || value === null) return { invalid: 'not an object' };
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'terms-found':
      if (!isTermCounts(message.terms)) return { invalid: 'terms-found: bad terms' };
      return isPage(message.page) && isSightings(message.sightings)
        ? (message as unknown as TermsFoundMessage)
        : { invalid: 'terms-found: bad page or sightings' };
    case 'save-term':
      return isTerm(message.term) && typeof message.save === 'boolean'
        ? (message as unknown as SaveTermMessage)
        : { invalid: 'save-term: bad term or save' };
    case 'entry-details':
      return isTerm(message.term)
        ? (message as unknown as EntryDetailsMessage)
        : { invalid: 'entry-details: bad term' };
    case 'reveal-term':
      return isTerm(message.term) ? (message as unknown as RevealTermMessage) : { invalid: 'reveal-term: bad term' };
    case 'open-glossary':
      return isTerm(message.term)
        ? (message as unknown as OpenGlossaryMessage)
        : { invalid: 'open-glossary: bad term' };
    case 'lens-status':
      return { type: 'lens-status' };
    case 'toggle-page':
      return { type: 'toggle-page' };
    case 'step-term':
      return message.direction === 1 || message.direction === -1
        ? (message as unknown as StepTermMessage)
        : { invalid: 'step-term: bad direction' };
    case 'page-terms':
      return Number.isInteger(message.tabId)
        ? (message as unknown as PageTermsMessage)
        : { invalid: 'page-terms: bad tabId' };
    default:
      return { invalid: `unknown type ${JSON.stringify(message.type)}` };
  }
}

/** What a part does with one of our messages: the answer (as a promise), or undefined for none. */
export type MessageHandler = (message: Message, sender: Browser.runtime.MessageSender) => Promise<unknown> | undefined;

/** runtime.onMessage, of the background, a page or a content script. */
export type RuntimeMessageEvent = typeof browser.runtime.onMessage;

/**
 * The one way our parts receive messages: each is validated first, and a malformed one is ignored with a
 * logged reason, so `handle` only ever sees a well-formed Message. Returns the function that stops listening.
 */
export function receiveMessages(onMessage: RuntimeMessageEvent, handle: MessageHandler): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    const message = parseMessage(raw);
    if ('invalid' in message) {
      console.warn(`Policy Lens: ignored a message (${message.invalid})`);
      return undefined;
    }
    return handle(message, sender);
  };
  // The webextension polyfill (and Firefox) answer with the promise a listener returns; Chrome's types know
  // only sendResponse, hence the cast.
  const answering = listener as unknown as Parameters<RuntimeMessageEvent['addListener']>[0];
  onMessage.addListener(answering);
  return () => onMessage.removeListener(answering);
}
