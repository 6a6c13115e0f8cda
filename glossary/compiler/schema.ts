/**
 * The shape of glossary entries and document metadata, checked with clear messages: every problem names the
 * file, the entry and the field, and all problems are reported at once.
 */
import { z } from 'zod';

const CATEGORIES = [
  'slogan',
  'plan',
  'programme',
  'target',
  'zone',
  'institution',
  'office',
  'place',
  'landmark',
  'company',
  'industry',
  'culture',
  'history',
  'person',
  'event',
  'national-policy',
  'concept',
] as const;

const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
const oneLine = text.refine((value) => !value.includes('\n') && value.length <= 160, {
  error: 'must be one line of at most 160 characters',
});

/**
 * Why a form is matched as the entry only on a page about Jiaozuo (glossary/README.md, "Where a form is
 * matched"); `head: true` for a generic head noun (示范区): a Han character before it makes it part of a longer
 * name, which is another thing.
 */
const ambiguity = z.union([oneLine, z.strictObject({ reason: oneLine, head: z.literal(true) })], {
  error: 'must be a one-line reason, or { reason, head: true }',
});

export const EntrySchema = z.strictObject({
  term: text,
  aliases: z.array(text).default([]),
  category: z.enum(CATEGORIES, { error: `must be one of: ${CATEGORIES.join(', ')}` }),
  gloss: text,
  explanation: text,
  breakdown: z.array(text).default([]),
  related: z.array(text).default([]),
  namesakes: z.array(text).default([]),
  /** Forms (the term or aliases) matched as this entry only where the page is about Jiaozuo, each with why. */
  ambiguous: z.record(z.string(), ambiguity).default({}),
  pinyin: text.optional(),
  pinyinReason: text.optional(),
  /** A verbatim snippet of the sentence that best shows the term; its English is in translations.yaml. */
  featured: text.optional(),
});
export type EntrySource = z.infer<typeof EntrySchema>;

export const DocumentSchema = z.strictObject({
  id: z.string().regex(/^\d{3}$/, { error: 'must be three digits' }),
  file: text,
  headline: text,
  subheadline: text.optional(),
  outlet: text,
  outletEnglish: text,
  period: text,
  periodNote: text,
  year: z.number().int().min(1900).max(2100),
  layout: z.enum(['blocks', 'columns']),
  headings: z.array(text).optional(),
  moves: z.array(z.strictObject({ line: text, after: text })).optional(),
});
export type DocumentSource = z.infer<typeof DocumentSchema>;

export const TranslationSchema = z.strictObject({ quote: text, translation: text });
export type TranslationSource = z.infer<typeof TranslationSchema>;

/** What a YAML list holds, and the field that names each item in messages. */
const NAMED_BY = { entry: 'term', document: 'id', translation: 'quote' } as const;
export type ItemKind = keyof typeof NAMED_BY;

/** Thrown with every problem found; the CLI prints them one per line. */
export class GlossaryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The glossary has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`,
    );
    this.name = 'GlossaryError';
  }
}

/** Where an item sits, for messages: `entries/x.yaml: entry "一区五城"` or `entry #3` before a term is known. */
function describeItem(file: string, kind: ItemKind, index: number, item: unknown): string {
  const name = (item as Record<string, unknown> | null)?.[NAMED_BY[kind]];
  return `${file}: ${kind} ${typeof name === 'string' && name.trim() ? `"${name.trim()}"` : `#${index + 1}`}`;
}

export function parseItems<T>(
  file: string,
  kind: ItemKind,
  data: unknown,
  schema: z.ZodType<T>,
  problems: string[],
): T[] {
  if (!Array.isArray(data)) {
    problems.push(`${file}: must be a YAML list of ${kind === 'entry' ? 'entries' : `${kind}s`}`);
    return [];
  }
  const items: T[] = [];
  data.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) {
      items.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const field = formatPath(issue);
      problems.push(`${describeItem(file, kind, index, item)}, field "${field}": ${issue.message}`);
    }
  });
  return items;
}

function formatPath(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join('", "');
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  return path.replace(/^\./, '') || '(the entry)';
}
