/** A bad entry fails the build with a message that names the file, the entry and the field. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GLOSSARY_DIR, compileGlossary } from '../../glossary/compiler/build';
import { GlossaryError } from '../../glossary/compiler/schema';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A glossary directory with the real sources and the given entries file. */
function glossaryWith(entries: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jpl-glossary-'));
  dirs.push(dir);
  cpSync(join(GLOSSARY_DIR, 'sources'), join(dir, 'sources'), { recursive: true });
  mkdirSync(join(dir, 'entries'));
  writeFileSync(join(dir, 'entries', 'test.yaml'), entries);
  return dir;
}

function problemsOf(entries: string): string[] {
  try {
    compileGlossary(glossaryWith(entries));
  } catch (error) {
    if (error instanceof GlossaryError) return [...error.problems];
    throw error;
  }
  return [];
}

const GOOD = `
- term: 三区一极
  category: slogan
  gloss: Three Zones, One Pole
  explanation: The demonstration zone's goal.
  featured:
    quote: 焦作高新区定下‘三区一极’
    translation: A translation.
- term: 焦作高新区
  category: zone
  gloss: Jiaozuo High-tech Zone
  explanation: A national high-tech zone.
  related: [三区一极]
`;

describe('glossary build errors', () => {
  it('accepts good entries and computes pinyin, contexts and years', () => {
    const { data, matcher } = compileGlossary(glossaryWith(GOOD));
    const zones = data.entries.find((e) => e.term === '三区一极')!;
    expect(zones.pinyin).toBe('sān qū yī jí');
    expect(zones.contexts.length).toBeGreaterThan(3);
    expect(data.sentences[zones.contexts[zones.featured.context]!.sentence]).toContain('定下‘三区一极’');
    expect([zones.firstYear, zones.lastYear]).toEqual([2019, 2019]);
    expect(matcher.terms).toEqual(['三区一极', '焦作高新区']);
  });

  it('names the entry and the field of a missing or empty value', () => {
    expect(problemsOf(GOOD.replace('gloss: Three Zones, One Pole', 'gloss: ""'))).toEqual([
      'entries/test.yaml: entry "三区一极", field "gloss": must not be empty',
    ]);
    expect(problemsOf(GOOD.replace('  explanation: A national high-tech zone.\n', ''))).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "explanation": must be text',
    ]);
  });

  it('rejects an unknown category and an unknown field', () => {
    const problems = problemsOf(
      GOOD.replace('category: zone', 'category: zoning').replace('gloss: Three', 'glos: x\n  gloss: Three'),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^entries\/test\.yaml: entry "三区一极", field "glos": /);
    expect(problems[1]).toMatch(/^entries\/test\.yaml: entry "焦作高新区", field "category": must be one of: slogan, /);
  });

  it('rejects a reference to no entry, and a term or alias claimed twice', () => {
    expect(problemsOf(GOOD.replace('related: [三区一极]', 'related: [三区一级]'))).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "related[0]": "三区一级" is not the term of any entry',
    ]);
    expect(problemsOf(GOOD.replace('related: [三区一极]', 'aliases: [“三区一极”]'))).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "aliases": "“三区一极”" is already claimed by entries/test.yaml: entry "三区一极"',
    ]);
  });

  it('rejects a namesake that is no entry or does not contain the term', () => {
    const withNamesake = (name: string) => problemsOf(GOOD.replace('related: [三区一极]', `namesakes: [${name}]`));
    expect(withNamesake('焦作高新区科技园')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "namesakes[0]": "焦作高新区科技园" is not the term of any entry',
    ]);
    expect(withNamesake('三区一极')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "namesakes[0]": "三区一极" does not contain "焦作高新区" or an alias',
    ]);
  });

  it('rejects a term that the sources never use', () => {
    expect(problemsOf(GOOD.replace('term: 焦作高新区', 'term: 焦作低新区'))).toEqual([
      'entries/test.yaml: entry "焦作低新区", field "term": "焦作低新区" occurs nowhere in the cleaned sources',
    ]);
  });

  it('checks pinyin overrides: a reason, one syllable per character, and a real change', () => {
    const override = (pinyin: string, reason = '\n  pinyinReason: test') =>
      problemsOf(GOOD.replace('  gloss: Jiaozuo', `  pinyin: ${pinyin}${reason}\n  gloss: Jiaozuo`));
    expect(override('jiāo zuò gāo xīn qū', '')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "pinyinReason": required with "pinyin"',
      'entries/test.yaml: entry "焦作高新区", field "pinyin": is the same as pinyin-pro gives: remove the override',
    ]);
    expect(override('jiāo zuò gāo xīn')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "pinyin": has 4 syllables for 5 Chinese characters',
    ]);
    expect(override('jiāo zuó gāo xīn qū')).toEqual([]);
  });

  it('rejects a featured quote that picks no sentence, or several', () => {
    expect(problemsOf(GOOD.replace('quote: 焦作高新区定下‘三区一极’', 'quote: 不在原文里'))[0]).toBe(
      'entries/test.yaml: entry "三区一极", field "featured.quote": "不在原文里" must occur in exactly one sentence that contains the term; it occurs in 0',
    );
    expect(problemsOf(GOOD.replace('quote: 焦作高新区定下‘三区一极’', 'quote: 三区一极'))[0]).toMatch(
      /it occurs in [2-9]/,
    );
  });

  it('reports a file that is not YAML, or not a list', () => {
    expect(problemsOf('- term: [unclosed')[0]).toMatch(/^entries\/test\.yaml: not valid YAML: /);
    expect(problemsOf('term: 三区一极')).toContain('entries/test.yaml: must be a YAML list of entries');
  });
});
