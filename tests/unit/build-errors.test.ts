/** A bad entry fails the build with a message that names the file, the entry and the field. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GLOSSARY_DIR, compileGlossary } from '../../glossary/compiler/build';
import { GlossaryError } from '../../glossary/compiler/schema';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const STYLE = readFileSync(join(GLOSSARY_DIR, 'STYLE.md'), 'utf8');

/** A glossary directory with the real sources, and the given entries, translations and style sheet. */
function glossaryWith(entries: string, translations = TRANSLATIONS, style = STYLE): string {
  const dir = mkdtempSync(join(tmpdir(), 'jpl-glossary-'));
  dirs.push(dir);
  cpSync(join(GLOSSARY_DIR, 'sources'), join(dir, 'sources'), { recursive: true });
  writeFileSync(join(dir, 'STYLE.md'), style);
  mkdirSync(join(dir, 'entries'));
  writeFileSync(join(dir, 'entries', 'test.yaml'), entries);
  writeFileSync(join(dir, 'translations.yaml'), translations);
  return dir;
}

function problemsOf(entries: string, translations?: string, style?: string): string[] {
  try {
    compileGlossary(glossaryWith(entries, translations, style));
  } catch (error) {
    if (error instanceof GlossaryError) return [...error.problems];
    throw error;
  }
  return [];
}

const TRANSLATIONS = `
- quote: 作为新升级的国家高新区
  translation: As a newly upgraded national high-tech zone, Jiaozuo High-tech Zone set the Three Zones, One Pole.
`;

const GOOD = `
- term: 三区一极
  category: slogan
  gloss: Three Zones, One Pole
  explanation: The demonstration zone's goal.
  featured: 焦作高新区定下‘三区一极’
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

  it('checks that every ambiguous form is the term or an alias, with a one-line reason', () => {
    const marked = (field: string) => problemsOf(GOOD.replace('related: [三区一极]', `ambiguous:\n    ${field}`));
    expect(marked('焦作高新区: named with its city everywhere it is used')).toEqual([]);
    expect(marked('高新区: { reason: every city has one, head: true }')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "ambiguous.高新区": "高新区" is neither the term nor an alias',
    ]);
    expect(marked('焦作高新区: ""')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "ambiguous.焦作高新区": must not be empty',
    ]);
    expect(marked('焦作高新区: { reason: x, head: false }')[0]).toMatch(
      /field "ambiguous\.焦作高新区": must be a one-line/,
    );
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
      'entries/test.yaml: entry "焦作高新区", field "pinyin": is the same as the computed reading: remove the override',
    ]);
    expect(override('jiāo zuò gāo xīn')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "pinyin": has 4 syllables for 5 Chinese characters',
    ]);
    expect(override('jiāo zuó gāo xīn qū')).toEqual([]);
  });

  it('rejects a featured quote that picks no sentence, or several', () => {
    expect(problemsOf(GOOD.replace('featured: 焦作高新区定下‘三区一极’', 'featured: 不在原文里'))[0]).toBe(
      'entries/test.yaml: entry "三区一极", field "featured": "不在原文里" must occur in exactly one sentence that contains the term; it occurs in 0',
    );
    expect(problemsOf(GOOD.replace('featured: 焦作高新区定下‘三区一极’', 'featured: 三区一极'))[0]).toMatch(
      /it occurs in [2-9]/,
    );
  });

  it('checks the comparisons of a pinyin reason against the readings of the glossary', () => {
    const reason = (text: string) =>
      problemsOf(
        GOOD.replace('  gloss: Jiaozuo', `  pinyin: jiāo zuó gāo xīn qū\n  pinyinReason: ${text}\n  gloss: Jiaozuo`),
      );
    expect(reason('作 is read zuó here, unlike 工作, and 高 as in 高大.')).toEqual([]);
    // 工作 is gōng zuò as the glossary computes it: "as in" claims the same reading, which zuó is not.
    expect(reason('作 is read zuó here, as in 工作.')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "pinyinReason": says "as in 工作", but the glossary reads 作 in 工作 as zuò and here as zuó',
    ]);
    // 三区 stands in the entry 三区一极, whose reading of 区 (qū) is the one compared with.
    expect(reason('区 is read qū, unlike 三区.')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "pinyinReason": says "unlike 三区", but the glossary reads 区 in 三区 as qū and here as qū',
    ]);
    expect(reason('As in 天山.')).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "pinyinReason": says "as in 天山", but 天山 shares no character with 焦作高新区',
    ]);
  });

  it('needs one translation for each featured sentence, and no translation that no entry features', () => {
    expect(problemsOf(GOOD, '[]')).toEqual([
      'entries/test.yaml: entry "三区一极", field "featured": sentence 003.p10.s1 has no translation in translations.yaml',
    ]);
    const extra = `${TRANSLATIONS}- quote: 王家鹏说，下一步\n  translation: Wang Jiapeng spoke of the Three Zones, One Pole.\n`;
    expect(problemsOf(GOOD, extra)).toEqual([
      'translations.yaml: translation "王家鹏说，下一步", field "quote": sentence 003.p19.s2 is featured by no entry',
    ]);
    const twice = `${TRANSLATIONS}- quote: 焦作高新区定下\n  translation: Jiaozuo High-tech Zone set.\n`;
    expect(problemsOf(GOOD, twice)).toEqual([
      'translations.yaml: translation "焦作高新区定下", field "quote": sentence 003.p10.s1 already has translation "作为新升级的国家高新区"',
    ]);
    expect(problemsOf(GOOD, `${TRANSLATIONS}- quote: 示范区\n  translation: The zone.\n`)).toEqual([
      'translations.yaml: translation "示范区", field "quote": must occur in exactly one sentence; it occurs in 24',
    ]);
  });

  it("holds glosses, explanations and translations to the style sheet's names", () => {
    expect(
      problemsOf(GOOD.replace('A national high-tech zone.', 'A national high-tech zone on the Dashahe River.')),
    ).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "explanation": writes "Dashahe River"; STYLE.md (line 62) says "Dasha River"',
    ]);
    expect(problemsOf(GOOD.replace('gloss: Jiaozuo High-tech Zone', 'gloss: Jiaozuo Hi-tech Park'))).toEqual([
      'entries/test.yaml: entry "焦作高新区", field "gloss": STYLE.md (line 57) calls 焦作高新区 "Jiaozuo High-tech Zone"',
    ]);
    const unnamed = TRANSLATIONS.replace('Jiaozuo High-tech Zone set', 'the zone set');
    expect(problemsOf(GOOD, unnamed)).toEqual([
      'translations.yaml: translation "作为新升级的国家高新区", field "translation": the sentence mentions 焦作高新区; STYLE.md (line 57) calls it "Jiaozuo High-tech Zone"',
    ]);
  });

  it('reads the style sheet, and reports a row it cannot read with its line', () => {
    const rows = STYLE.split('\n');
    const names = rows.findIndex((row) => row.startsWith('| 焦作 / 焦作市 |'));
    rows[names] = '| 焦作 | Jiaozuo |';
    const neutral = rows.findIndex((row) => row.startsWith('| 粮食 |'));
    rows[neutral] = '| 粮食 | liáng shí |';
    expect(problemsOf(GOOD, TRANSLATIONS, rows.join('\n'))).toEqual([
      `STYLE.md, line ${names + 1}: a name row has three cells, Chinese | English | Not`,
      `STYLE.md, line ${neutral + 1}: "liáng shí" has no neutral-tone (unmarked) syllable`,
    ]);
  });

  it('reports a file that is not YAML, or not a list', () => {
    expect(problemsOf('- term: [unclosed')[0]).toMatch(/^entries\/test\.yaml: not valid YAML: /);
    expect(problemsOf('term: 三区一极')).toContain('entries/test.yaml: must be a YAML list of entries');
  });
});
