/**
 * Messages between the extension's parts. Each is checked on arrival: a malformed message is ignored with
 * a logged reason, never acted on.
 */

import type { EntryDetails } from './entry-details';

export interface TermCount {
  /** The glossary entry's main form. */
  term: string;
  count: number;
}

/** Content script → background: the terms one frame currently shows. Replaces that frame's earlier report. */
export interface TermsFoundMessage {
  type: 'terms-found';
  terms: TermCount[];
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
}

/** Background → the tab's top frame (keyboard command): step to the next or previous term. */
export interface StepTermMessage {
  type: 'step-term';
  direction: 1 | -1;
}

export type Message = TermsFoundMessage | PageTermsMessage | EntryDetailsMessage | StepTermMessage;

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

/** The message, or a reason why it is not one of ours. */
export function parseMessage(value: unknown): Message | { invalid: string } {
  if (typeof value !== 'object' || value === null) return { invalid: 'not an object' };
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'terms-found':
      return isTermCounts(message.terms) ? (message as unknown as TermsFoundMessage) : { invalid: 'terms-found: bad terms' };
    case 'entry-details':
      return typeof message.term === 'string' && message.term.length > 0 && message.term.length <= 100
        ? (message as unknown as EntryDetailsMessage)
        : { invalid: 'entry-details: bad term' };
    case 'step-term':
      return message.direction === 1 || message.direction === -1
        ? (message as unknown as StepTermMessage)
        : { invalid: 'step-term: bad direction' };
    case 'page-terms':
      return Number.isInteger(message.tabId) ? (message as unknown as PageTermsMessage) : { invalid: 'page-terms: bad tabId' };
    default:
      return { invalid: `unknown type ${JSON.stringify(message.type)}` };
  }
}
