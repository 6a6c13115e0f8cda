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
import { Matcher, type Match } from '../../lib/matcher/matcher';
import { cleanDocument, type CleanedDocument } from './clean';
import { checkOverride, computedPinyin } from './pinyin';
import {
  DocumentSchema,
  EntrySchema,
  GlossaryError,
  parseItems,
  type DocumentSource,
  type EntrySource,
} from './schema';
import { normaliseSpacing } from './text';
import { traditionalForms } from './traditional';

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
  if (problems.length > 0) throw new GlossaryError(problems);

  const cleaned = documents.map((doc) =>
    cleanDocument(readFileSync(join(glossaryDir, 'sources', doc.file), 'utf8'), doc),
  );
  const sentences: Record<string, string> = {};
  for (const doc of cleaned) for (const p of doc.paragraphs) for (const s of p.sentences) sentences[s.id] = s.text;

  const traditional = entries.map(({ source }) => traditionalOf(source));
  checkNamesAndReferences(entries, traditional, problems);
  const keys = entries.flatMap(({ source }, entry) =>
    [source.term, ...source.aliases, ...traditional[entry]!].map((key) => ({ key, entry })),
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
      if (!found.some((c) => sameTerm(sentences[c.sentence]!.slice(c.start, c.end), alias))) {
        problems.push(`${where}, field "aliases": "${alias}" occurs nowhere in the cleaned sources`);
      }
    }
    const years = found.map((c) => yearOf.get(c.document)!);
    return {
      term: source.term,
      aliases: source.aliases,
      traditional: traditional[index]!,
      ...pinyinOf(source, where, problems),
      gloss: source.gloss,
      explanation: source.explanation,
      category: source.category,
      breakdown: source.breakdown,
      related: source.related,
      featured: featuredOf(source, found, sentences, where, problems),
      contexts: found,
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
    };
  });
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

function readYaml(path: string, label: string, problems: string[]): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${label}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return [];
  }
}

function loadDocuments(glossaryDir: string, problems: string[]): DocumentSource[] {
  const label = 'sources/documents.yaml';
  return parseItems(label, 'document', readYaml(join(glossaryDir, label), label, problems), DocumentSchema, problems);
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
    for (const field of ['breakdown', 'related'] as const) {
      source[field].forEach((ref, i) => {
        if (!terms.has(ref)) problems.push(`${where}, field "${field}[${i}]": "${ref}" is not the term of any entry`);
        if (ref === source.term) problems.push(`${where}, field "${field}[${i}]": an entry cannot refer to itself`);
      });
    }
  }
}

/** Two spellings of one term: the same once quotes are dropped and widths folded. */
function sameTerm(a: string, b: string): boolean {
  return normaliseKey(stripQuotes(a)) === normaliseKey(stripQuotes(b));
}

/**
 * Every occurrence of every entry in every sentence, in document order, except the head of another term's
 * name. Chinese names put the head last, so a term that ends a longer term names a different thing of its
 * kind: 先行区 in 城乡统筹发展先行区 is not the Pioneer Zone. One inside or at the start of a longer name is
 * still mentioned (河南理工大学 in 河南理工大学科技园), and so is a part that the longer entry's breakdown names.
 */
function findContexts(matcher: Matcher, cleaned: CleanedDocument[], entries: readonly LoadedEntry[]): Context[][] {
  const contexts: Context[][] = entries.map(() => []);
  const partsOf = entries.map(({ source }) => new Set(source.breakdown));
  const isHeadOfOther = (m: Match, all: Match[]) =>
    all.some(
      (o) =>
        o.entry !== m.entry &&
        o.start < m.start &&
        o.end === m.end &&
        !partsOf[o.entry]!.has(entries[m.entry]!.source.term),
    );
  // 示范区 inside 焦作市城乡一体化示范区 is the same entry met once, not twice.
  const insideItsOwnLongerForm = (m: Match, all: Match[]) =>
    all.some(
      (o) =>
        o !== m && o.entry === m.entry && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
    );
  for (const doc of cleaned) {
    for (const paragraph of doc.paragraphs) {
      for (const sentence of paragraph.sentences) {
        const all = matcher.findAll(sentence.text);
        for (const match of all) {
          if (isHeadOfOther(match, all) || insideItsOwnLongerForm(match, all)) continue;
          contexts[match.entry]!.push({
            document: doc.id,
            paragraph: paragraph.id,
            sentence: sentence.id,
            start: match.start,
            end: match.end,
          });
        }
      }
    }
  }
  return contexts;
}

function pinyinOf(source: EntrySource, where: string, problems: string[]): { pinyin: string; pinyinReason?: string } {
  if (source.pinyin === undefined) {
    if (source.pinyinReason !== undefined) problems.push(`${where}, field "pinyinReason": given without "pinyin"`);
    return { pinyin: computedPinyin(source.term) };
  }
  if (source.pinyinReason === undefined) problems.push(`${where}, field "pinyinReason": required with "pinyin"`);
  for (const problem of checkOverride(source.term, source.pinyin))
    problems.push(`${where}, field "pinyin": ${problem}`);
  return { pinyin: source.pinyin, pinyinReason: source.pinyinReason };
}

function featuredOf(
  source: EntrySource,
  contexts: Context[],
  sentences: Record<string, string>,
  where: string,
  problems: string[],
): GlossaryEntry['featured'] {
  if (source.featured === undefined) return { context: 0 };
  const quote = normaliseSpacing(source.featured.quote);
  const hits = contexts.flatMap((c, i) => (sentences[c.sentence]!.includes(quote) ? [i] : []));
  const sentencesHit = new Set(hits.map((i) => contexts[i]!.sentence));
  if (sentencesHit.size !== 1) {
    problems.push(
      `${where}, field "featured.quote": "${source.featured.quote}" must occur in exactly one sentence that contains the term; it occurs in ${sentencesHit.size}`,
    );
    return { context: 0 };
  }
  return { context: hits[0]!, translation: source.featured.translation };
}
