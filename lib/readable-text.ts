/**
 * Text from web pages as our pages show it (sentences and titles in the learner's history): bidi controls
 * dropped (U+202E would show the rest of the line reversed), invisible characters dropped, lone surrogates
 * (half a character: tofu at best) replaced, white space collapsed.
 */
import { INVISIBLE } from './matcher/visible';

export function readableText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[\u200E\u200F\u202A-\u202E\u2061-\u2069]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\s+/g, ' ')
    .trim();
}
