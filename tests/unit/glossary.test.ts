/** The real glossary, as built: coverage, pinyin against the golden lists, and the export command. */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GLOSSARY_DIR, compileGlossary } from '../../glossary/compiler/build';
import { hanCount, syllables } from '../../glossary/compiler/pinyin';
import { stripQuotes } from '../../lib/matcher/characters';

const { data } = compileGlossary();
const byTerm = new Map(data.entries.map((entry) => [entry.term, entry]));

describe('the glossary', () => {
  it('has at least 25 entries, each with a context from the sources', () => {
    expect(data.entries.length).toBeGreaterThanOrEqual(25);
    for (const entry of data.entries) {
      expect(entry.contexts.length, entry.term).toBeGreaterThan(0);
      const forms = [entry.term, ...entry.aliases].map(stripQuotes);
      for (const context of entry.contexts) {
        expect(forms, entry.term).toContain(
          stripQuotes(data.sentences[context.sentence]!.slice(context.start, context.end)),
        );
      }
    }
  });

  it('has pinyin with one syllable for each Chinese character (an erhua syllable may cover 儿)', () => {
    for (const entry of data.entries) {
      const count = syllables(entry.pinyin, entry.term).length;
      const han = hanCount(entry.term);
      expect(count === han || (entry.term.includes('儿') && count === han - 1), `${entry.term} ${entry.pinyin}`).toBe(
        true,
      );
    }
  });

  it('gives every entry a featured source sentence with an English translation, and its years', () => {
    const years = new Set(data.documents.map((doc) => doc.year));
    for (const entry of data.entries) {
      expect(entry.featured.translation?.length ?? 0, entry.term).toBeGreaterThan(10);
      expect(
        years.has(entry.firstYear) && years.has(entry.lastYear) && entry.firstYear <= entry.lastYear,
        entry.term,
      ).toBe(true);
    }
  });

  it('breaks the numbered slogans down into their parts', () => {
    const parts = (term: string) => byTerm.get(term)?.breakdown;
    expect(parts('一区五城')).toEqual([
      '中国式现代化建设河南实践先行区',
      '创新驱动示范城市',
      '转型发展示范城市',
      '文旅融合示范城市',
      '生态宜居示范城市',
      '共同富裕示范城市',
    ]);
    expect(parts('三十工程')).toEqual(['十大工业项目', '十大基础设施项目', '十大民生项目']);
    expect(parts('25311')).toEqual(['两个坚持', '五个定位', '三级目标']);
    expect(parts('四大怀药')).toEqual(['牛膝', '地黄', '山药', '菊花']);
    expect(parts('三区一极')).toHaveLength(4);
    // Every breakdown and related reference names an entry (the build enforces it; this pins it).
    for (const entry of data.entries)
      for (const ref of [...entry.breakdown, ...entry.related])
        expect(byTerm.has(ref), `${entry.term} → ${ref}`).toBe(true);
  });

  it('gives every polyphone-sensitive term of the golden lists the expected pinyin', () => {
    const golden = readdirSync(join(GLOSSARY_DIR, 'golden'))
      .filter((name) => name.endsWith('.yaml'))
      .flatMap((name) =>
        Object.entries(parse(readFileSync(join(GLOSSARY_DIR, 'golden', name), 'utf8')) as Record<string, string>),
      );
    expect(golden.length).toBeGreaterThanOrEqual(40);
    const wrong = golden.filter(([term, expected]) => byTerm.get(term)?.pinyin !== expected);
    expect(wrong.map(([term, expected]) => `${term}: expected ${expected}, got ${byTerm.get(term)?.pinyin}`)).toEqual(
      [],
    );
  });
});

describe('npm run glossary -- export', () => {
  /** Each run starts npx, tsx and the whole glossary build (OpenCC's tables included): seconds on a busy machine. */
  const CLI_TIMEOUT_MS = 30_000;
  const run = (format: string) =>
    execFileSync('npx', ['tsx', 'glossary/cli.ts', 'export', '--format', format], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });

  it(
    'prints every entry as JSON, with contexts that carry document and sentence text',
    () => {
      const exported = JSON.parse(run('json')) as Array<
        Record<string, unknown> & { contexts: Array<Record<string, unknown>> }
      >;
      expect(exported).toHaveLength(data.entries.length);
      for (const entry of exported) {
        expect(Object.keys(entry)).toEqual(
          expect.arrayContaining([
            'term',
            'aliases',
            'pinyin',
            'gloss',
            'explanation',
            'category',
            'breakdown',
            'contexts',
          ]),
        );
        expect(entry.contexts.length).toBeGreaterThan(0);
        expect(entry.contexts[0]).toEqual(
          expect.objectContaining({
            document: expect.stringMatching(/^\d{3}$/),
            headline: expect.any(String),
            text: expect.any(String),
          }),
        );
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'prints CSV with a header and one record per entry',
    () => {
      const csv = run('csv');
      expect(csv.split('\r\n')[0]).toBe(
        'term,aliases,pinyin,gloss,explanation,category,breakdown,related,featured_sentence,featured_translation,first_year,last_year,context_count,contexts',
      );
      // Records start at a line that is not inside a quoted field: count the unquoted CRLFs.
      let records = 0;
      let quoted = false;
      for (let i = 0; i < csv.length; i++) {
        if (csv[i] === '"') quoted = !quoted;
        else if (!quoted && csv[i] === '\r' && csv[i + 1] === '\n') records++;
      }
      expect(records).toBe(data.entries.length + 1);
    },
    CLI_TIMEOUT_MS,
  );
});
