/**
 * The glossary build: sources + entries → glossary/generated/{glossary,matcher}.json.
 * Runs before `wxt build` / `wxt dev` (wxt.config.ts) and before the tests; fails naming entry and field.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Context, GlossaryData, GlossaryEntry, MatcherData, SourceDocument } from '../../lib/glossary-types';
import { stripQuotes } from '../../lib/matcher/characters';
import { compileTrie, normaliseKey } from '../../lib/matcher/compile';
import { AMBIGUOUS, HEAD, WORD_CHECKED, headsNoLongerName, standsAsWord } from '../../lib/matcher/sense';
import { Matcher, type Match } from '../../lib/matcher/matcher';
import { cleanDocument, type CleanedDocument } from './clean';
import { checkOverride, computedPinyin, type NeutralToneWords } from './pinyin';
import { reasonProblems } from './reasons';
import {
  DocumentSchema,
  EntrySchema,
  GlossaryError,
  TranslationSchema,
  parseItems,
  type DocumentSource,
  type EntrySource,
  type TranslationSource,
} from './schema';
import { normaliseSpacing } from './text';
import { STYLE_FILE, readNeutralTones, readStyleNames, styleProblems } from './style';
import { dictionaryWords, flagsOf, isWordIn } from './senses';
import { traditionalForms } from './traditional';
import { TRANSLATIONS_FILE, indexTranslations, unusedTranslations, type Translation } from './translations';

export const GLOSSARY_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Where the build writes what it makes (git-ignored). */
export const GENERATED_DIR = join(GLOSSARY_DIR, 'generated');

export interface CompiledGlossary {
  data: GlossaryData;
  matcher: MatcherData;
  cleaned: CleanedDocument[];
}

export function compileGlossary(glossaryDir = GLOSSARY_DIR): CompiledGlossary {
  const problems: string[] = [];
  const documents = loadDocuments(glossaryDir, problems);
  const entries = loadEntries(glossaryDir, problems);
  const translationItems = loadTranslations(glossaryDir, problems);
  const styleSheet = readText(join(glossaryDir, STYLE_FILE), STYLE_FILE, problems);
  const styleNames = readStyleNames(styleSheet, problems);
  const neutralTones = readNeutralTones(styleSheet, problems);
  if (problems.length > 0) throw new GlossaryError(problems);

  const cleaned = documents.map((doc) =>
    cleanDocument(readFileSync(join(glossaryDir, 'sources', doc.file), 'utf8'), doc),
  );
  const sentences: Record<string, string> = {};
  for (const doc of cleaned) for (const p of doc.paragraphs) for (const s of p.sentences) sentences[s.id] = s.text;

  const translations = indexTranslations(translationItems, sentences, problems);
  const traditional = entries.map(({ source }) => traditionalOf(source));
  checkNamesAndReferences(entries, traditional, problems);
  const keys = entries.flatMap(({ source }, entry) =>
    [source.term, ...source.aliases].flatMap((form) => {
      const flags = flagsOf(source, form);
      const forms = [form, ...traditionalForms(form).filter((variant) => traditional[entry]!.includes(variant))];
      return forms.map((key) => ({ key, entry, flags }));
    }),
  );
  if (problems.length > 0) throw new GlossaryError(problems);
  const trie = compileTrie(keys);

  const contexts = findContexts(new Matcher(trie), cleaned, entries);
  const yearOf = new Map(documents.map((doc) => [doc.id, doc.year]));
  const built: GlossaryEntry[] = entries.map(({ source, where }, index) => {
    const found = contexts[index]!;
    if (found.length === 0) {
      problems.push(`${where}, field "term": "${source.term}" occurs nowhere in the cleaned sources`);
    }
    for (const alias of source.aliases) {
      const spellings = found.flatMap((c) => c.marks.map(([start, end]) => sentences[c.sentence]!.slice(start, end)));
      if (!spellings.some((spelling) => sameTerm(spelling, alias))) {
        problems.push(`${where}, field "aliases": "${alias}" occurs nowhere in the cleaned sources`);
      }
    }
    const years = found.map((c) => yearOf.get(c.document)!);
    return {
      term: source.term,
      aliases: source.aliases,
      traditional: traditional[index]!,
      ...pinyinOf(source, neutralTones, where, problems),
      gloss: source.gloss,
      explanation: source.explanation,
      category: source.category,
      breakdown: source.breakdown,
      related: source.related,
      namesakes: source.namesakes,
      featured: featuredOf(source, found, sentences, translations, where, problems),
      contexts: found,
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
    };
  });
  built.forEach((entry, i) => {
    if (entry.pinyinReason === undefined) return;
    const others = built.filter((other) => other !== entry);
    const compute = (word: string) => computedPinyin(word, neutralTones);
    for (const problem of reasonProblems({ ...entry, reason: entry.pinyinReason }, others, compute))
      problems.push(`${entries[i]!.where}, field "pinyinReason": ${problem}`);
  });
  const featuredSentences = new Set(built.map((entry) => entry.contexts[entry.featured.context]?.sentence ?? ''));
  problems.push(...unusedTranslations(translations, featuredSentences));
  problems.push(...checkNames(styleNames, entries, built, translations, sentences));
  if (problems.length > 0) throw new GlossaryError(problems);

  const sourceDocuments: SourceDocument[] = documents.map((doc, i) => ({
    id: doc.id,
    headline: doc.headline,
    ...(doc.subheadline ? { subheadline: doc.subheadline } : {}),
    outlet: doc.outlet,
    outletEnglish: doc.outletEnglish,
    period: doc.period,
    year: doc.year,
    paragraphs: cleaned[i]!.paragraphs.map((p) => ({
      id: p.id,
      kind: p.kind,
      sentences: p.sentences.map((s) => s.id),
    })),
  }));
  return {
    data: { documents: sourceDocuments, sentences, entries: built },
    matcher: { terms: built.map((entry) => entry.term), trie },
    cleaned,
  };
}

/** Compiles and writes glossary/generated/. Returns what it wrote. */
export function writeGlossary(glossaryDir = GLOSSARY_DIR): CompiledGlossary {
  const compiled = compileGlossary(glossaryDir);
  const out = join(glossaryDir, 'generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'glossary.json'), JSON.stringify(compiled.data));
  writeFileSync(join(out, 'matcher.json'), JSON.stringify(compiled.matcher));
  return compiled;
}

interface LoadedEntry {
  source: EntrySource;
  /** `entries/x.yaml: entry "term"`, for messages. */
  where: string;
}

function readText(path: string, label: string, problems: string[]): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    problems.push(`${label}: cannot be read`);
    return '';
  }
}

function readYaml(path: string, label: string, problems: string[]): unknown {
  try {
    return parse(readText(path, label, problems));
  } catch (error) {
    problems.push(`${label}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return [];
  }
}

function loadDocuments(glossaryDir: string, problems: string[]): DocumentSource[] {
  const label = 'sources/documents.yaml';
  return parseItems(label, 'document', readYaml(join(glossaryDir, label), label, problems), DocumentSchema, problems);
}

function loadTranslations(glossaryDir: string, problems: string[]): TranslationSource[] {
  const data = readYaml(join(glossaryDir, TRANSLATIONS_FILE), TRANSLATIONS_FILE, problems);
  return parseItems(TRANSLATIONS_FILE, 'translation', data ?? [], TranslationSchema, problems);
}

function loadEntries(glossaryDir: string, problems: string[]): LoadedEntry[] {
  const dir = join(glossaryDir, 'entries');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  if (files.length === 0) problems.push('entries/: no .yaml files');
  return files.flatMap((name) => {
    const label = relative(glossaryDir, join(dir, name));
    const data = readYaml(join(dir, name), label, problems);
    return parseItems(label, 'entry', data ?? [], EntrySchema, problems).map((source) => ({
      source,
      where: `${label}: entry "${source.term}"`,
    }));
  });
}

/** The traditional forms of the term and its aliases, those that differ from every form written. */
function traditionalOf(source: EntrySource): string[] {
  const written = new Set([source.term, ...source.aliases]);
  const forms = [source.term, ...source.aliases].flatMap(traditionalForms);
  return [...new Set(forms)].filter((form) => !written.has(form));
}

function checkNamesAndReferences(entries: LoadedEntry[], traditional: string[][], problems: string[]): void {
  const owner = new Map<string, string>();
  const claim = (where: string, field: string, name: string) => {
    const key = normaliseKey(stripQuotes(name));
    const claimed = owner.get(key);
    if (claimed !== undefined && claimed !== where) {
      problems.push(`${where}, field "${field}": "${name}" is already claimed by ${claimed}`);
    }
    owner.set(key, where);
  };
  const before = problems.length;
  for (const { source, where } of entries) {
    claim(where, 'term', source.term);
    for (const alias of source.aliases) claim(where, 'aliases', alias);
  }
  // A name written twice clashes in traditional script too: that is left unsaid until the name is fixed.
  if (problems.length === before) {
    entries.forEach(({ where }, index) => {
      for (const form of traditional[index]!) claim(where, 'traditional form (generated from term and aliases)', form);
    });
  }
  const terms = new Set(entries.map(({ source }) => source.term));
  for (const { source, where } of entries) {
    for (const field of ['breakdown', 'related', 'namesakes'] as const) {
      source[field].forEach((ref, i) => {
        if (!terms.has(ref)) problems.push(`${where}, field "${field}[${i}]": "${ref}" is not the term of any entry`);
        if (ref === source.term) problems.push(`${where}, field "${field}[${i}]": an entry cannot refer to itself`);
      });
    }
    const forms = [source.term, ...source.aliases].map((form) => normaliseKey(stripQuotes(form)));
    for (const form of Object.keys(source.ambiguous)) {
      if (!forms.includes(normaliseKey(stripQuotes(form))))
        problems.push(`${where}, field "ambiguous.${form}": "${form}" is neither the term nor an alias`);
    }
    source.namesakes.forEach((name, i) => {
      if (!forms.some((form) => normaliseKey(stripQuotes(name)).includes(form)))
        problems.push(`${where}, field "namesakes[${i}]": "${name}" does not contain "${source.term}" or an alias`);
    });
  }
}

/** The style sheet's names against the entries and the translations of the sentences that mention things. */
function checkNames(
  names: Parameters<typeof styleProblems>[0],
  entries: readonly LoadedEntry[],
  built: readonly GlossaryEntry[],
  translations: ReadonlyMap<string, Translation>,
  sentences: Record<string, string>,
): string[] {
  const mentions = new Map<string, string[]>();
  for (const entry of built)
    for (const { sentence, marks } of entry.contexts)
      for (const [start, end] of marks)
        mentions.set(sentence, [...(mentions.get(sentence) ?? []), sentences[sentence]!.slice(start, end)]);
  return styleProblems(
    names,
    entries.map(({ source, where }) => ({ where, ...source })),
    [...translations.values()].map(({ where, translation, sentence }) => ({
      where,
      translation,
      mentions: mentions.get(sentence) ?? [],
    })),
  );
}

/** Two spellings of one term: the same once quotes are dropped and widths folded. */
function sameTerm(a: string, b: string): boolean {
  return normaliseKey(stripQuotes(a)) === normaliseKey(stripQuotes(b));
}

/**
 * The sentences that mention each entry, in document order, with every place the entry stands in them.
 * Not a mention: a term that ends a longer term of another entry (Chinese names put the head last, so 先行区 in
 * 城乡统筹发展先行区 names a different zone), unless the longer entry's breakdown names it; and a term inside one
 * of its namesakes (山阳 in 山阳区, a district named after the ancient Shanyang). A term at the start or inside
 * of any other longer name is still a mention (河南理工大学 in 河南理工大学科技园).
 */
function findContexts(matcher: Matcher, cleaned: CleanedDocument[], entries: readonly LoadedEntry[]): Context[][] {
  const contexts: Context[][] = entries.map(() => []);
  const termIndex = new Map(entries.map(({ source }, i) => [source.term, i]));
  const partsOf = entries.map(({ source }) => new Set(source.breakdown));
  const namesakesOf = entries.map(({ source }) => new Set(source.namesakes.map((name) => termIndex.get(name))));
  const isHeadOfOther = (m: Match, all: Match[]) =>
    all.some(
      (o) =>
        o.entry !== m.entry &&
        o.start < m.start &&
        o.end === m.end &&
        !partsOf[o.entry]!.has(entries[m.entry]!.source.term),
    );
  const isInsideNamesake = (m: Match, all: Match[]) =>
    all.some((o) => namesakesOf[m.entry]!.has(o.entry) && o.start <= m.start && o.end >= m.end);
  for (const doc of cleaned) {
    for (const paragraph of doc.paragraphs) {
      for (const sentence of paragraph.sentences) {
        const all = matcher.findAll(sentence.text);
        const marksOf = new Map<number, [number, number][]>();
        for (const match of all) {
          if (isHeadOfOther(match, all) || isInsideNamesake(match, all)) continue;
          if (!inGlossarySense(sentence.text, match, all)) continue;
          const marks = marksOf.get(match.entry) ?? [];
          marksOf.set(match.entry, addOutermost(marks, match));
        }
        for (const [entry, marks] of [...marksOf].sort(([a], [b]) => a - b)) {
          contexts[entry]!.push({
            document: doc.id,
            paragraph: paragraph.id,
            sentence: sentence.id,
            marks: marks.sort(([a], [b]) => a - b),
          });
        }
      }
    }
  }
  return contexts;
}

/**
 * Rules 2 and 3 of "Where a form is matched" (rule 1 always holds: the sources are about Jiaozuo), with the
 * nearest glossary matches before and after it as the edges of the text cut into words.
 */
function inGlossarySense(text: string, match: Match, all: readonly Match[]): boolean {
  const before = Math.max(0, ...all.filter((o) => o.end <= match.start).map((o) => o.end));
  const after = Math.min(text.length, ...all.filter((o) => o.start >= match.end).map((o) => o.start));
  if (match.flags & HEAD && !headsNoLongerName(text, match, before)) return false;
  return (
    !(match.flags & WORD_CHECKED) ||
    standsAsWord(match, isWordIn(text), dictionaryWords().longest, {
      from: before,
      to: after,
      strict: (match.flags & AMBIGUOUS) !== 0,
    })
  );
}

/**
 * Adds an occurrence to an entry's marks in one sentence, keeping the outermost of nested or overlapping ones:
 * 示范区 inside 焦作市城乡一体化示范区 is the same entry met once, not twice.
 */
function addOutermost(marks: [number, number][], { start, end }: Match): [number, number][] {
  const overlapping = marks.filter(([s, e]) => start < e && end > s);
  if (overlapping.some(([s, e]) => e - s >= end - start)) return marks;
  return [...marks.filter((mark) => !overlapping.includes(mark)), [start, end]];
}

function pinyinOf(
  source: EntrySource,
  neutralTones: NeutralToneWords,
  where: string,
  problems: string[],
): { pinyin: string; pinyinReason?: string } {
  if (source.pinyin === undefined) {
    if (source.pinyinReason !== undefined) problems.push(`${where}, field "pinyinReason": given without "pinyin"`);
    return { pinyin: computedPinyin(source.term, neutralTones) };
  }
  if (source.pinyinReason === undefined) problems.push(`${where}, field "pinyinReason": required with "pinyin"`);
  for (const problem of checkOverride(source.term, source.pinyin, neutralTones))
    problems.push(`${where}, field "pinyin": ${problem}`);
  return { pinyin: source.pinyin, pinyinReason: source.pinyinReason };
}

function featuredOf(
  source: EntrySource,
  contexts: Context[],
  sentences: Record<string, string>,
  translations: ReadonlyMap<string, Translation>,
  where: string,
  problems: string[],
): GlossaryEntry['featured'] {
  if (source.featured === undefined) return { context: 0 };
  const quote = normaliseSpacing(source.featured);
  const hits = contexts.flatMap((c, i) => (sentences[c.sentence]!.includes(quote) ? [i] : []));
  if (hits.length !== 1) {
    problems.push(
      `${where}, field "featured": "${source.featured}" must occur in exactly one sentence that contains the term; it occurs in ${hits.length}`,
    );
    return { context: 0 };
  }
  const sentence = contexts[hits[0]!]!.sentence;
  const translation = translations.get(sentence)?.translation;
  if (translation === undefined)
    problems.push(`${where}, field "featured": sentence ${sentence} has no translation in ${TRANSLATIONS_FILE}`);
  return { context: hits[0]!, translation };
}
