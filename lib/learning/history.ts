/**
 * The "where I met it" history: what one sighting keeps of a page, and how much history is kept. Everything in
 * a sighting comes from a web page, which may be hostile: it is cleaned, cut to length, and kept within caps
 * (a number of sightings, per term and in all, and a size in bytes), oldest dropped first, so that no page can
 * fill the learner's storage or push out what they met elsewhere.
 */
import { readableText } from '../readable-text';
import type { Encounter } from './model';

/** Sightings kept at most: history is a convenience, not an archive. */
const HISTORY_CAP = 2000;
/** A term's sightings kept at most, so that one much-visited page cannot crowd out the rest. */
const HISTORY_PER_TERM = 20;
/** The history's size in storage at most (JSON bytes): a tenth of storage.local's 10 MiB. */
export const HISTORY_BYTES = 1024 * 1024;
/** The same term on the same page is one sighting a day, however often the page reports it. */
const SAME_SIGHTING_MS = 24 * 3_600_000;
/** Characters kept of a page's title, of a sentence, and of an address. */
const TITLE_CHARS = 200;
const SENTENCE_CHARS = 300;
const ADDRESS_CHARS = 500;

/**
 * The address a sighting keeps: the page's origin and path, for http(s) pages only. The query and the fragment
 * go (they may hold a session, a token, a search); other schemes (our own pages, local files) are not kept.
 */
export function pageAddress(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return `${parsed.origin}${parsed.pathname}`.slice(0, ADDRESS_CHARS);
}

/** Whether an address may be shown as a link (a backup file could hold any scheme, `javascript:` included). */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A sighting of `term` on a page, as kept. */
export function sightingOf(
  term: string,
  page: { url: string; title: string },
  sentence: string,
  at: Date,
): Encounter | null {
  const url = pageAddress(page.url);
  if (!url) return null;
  return {
    term,
    url,
    title: cut(readableText(page.title), TITLE_CHARS),
    at: at.toISOString(),
    sentence: cut(readableText(sentence), SENTENCE_CHARS),
  };
}

/** A page's sentence as a saved dictionary word keeps it for its context: cleaned and cut as a sighting's. */
export function contextSentence(sentence: string): string {
  return cut(readableText(sentence), SENTENCE_CHARS);
}

/** Whether a sighting repeats one already kept: the same term on the same page, within a day. */
export function isRepeat(kept: Encounter, sighting: Encounter): boolean {
  return (
    kept.term === sighting.term &&
    kept.url === sighting.url &&
    Math.abs(Date.parse(sighting.at) - Date.parse(kept.at)) < SAME_SIGHTING_MS
  );
}

/**
 * The history with the sighting of a term the learner saved from its card: the sentence they chose replaces what
 * the page reported of the same sighting (its first occurrence, which may be a sidebar's headline).
 */
export function withSavedSighting(history: readonly Encounter[], sighting: Encounter): Encounter[] {
  return capHistory([...history.filter((kept) => !isRepeat(kept, sighting)), sighting]);
}

/** The history within the caps: the newest sightings, in the order they were met. */
export function capHistory(history: readonly Encounter[]): Encounter[] {
  // Oldest first (a stable sort keeps the order of sightings made at the same moment), walked from the newest.
  const chronological = [...history].sort((a, b) => a.at.localeCompare(b.at));
  const perTerm = new Map<string, number>();
  const encoder = new TextEncoder();
  let bytes = 2; // the list's brackets
  const kept: Encounter[] = [];
  for (let i = chronological.length - 1; i >= 0; i--) {
    const sighting = chronological[i]!;
    if (kept.length === HISTORY_CAP) break;
    const seen = perTerm.get(sighting.term) ?? 0;
    if (seen === HISTORY_PER_TERM) continue;
    bytes += encoder.encode(JSON.stringify(sighting)).length + 1;
    if (bytes > HISTORY_BYTES) break;
    perTerm.set(sighting.term, seen + 1);
    kept.push(sighting);
  }
  return kept.reverse();
}

/** At most `max` characters, not splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
