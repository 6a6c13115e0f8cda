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
        for (const [start, end] of context.marks)
          expect(forms, entry.term).toContain(stripQuotes(data.sentences[context.sentence]!.slice(start, end)));
      }
    }
  });

  it('lists each sentence once per entry, its marks in order and not overlapping', () => {
    for (const entry of data.entries) {
      const sentences = entry.contexts.map((c) => c.sentence);
      expect(new Set(sentences).size, entry.term).toBe(sentences.length);
      for (const { marks } of entry.contexts) {
        expect(marks.length, entry.term).toBeGreaterThan(0);
        marks.forEach(([start, end], i) => {
          expect(start < end, entry.term).toBe(true);
          if (i > 0) expect(start >= marks[i - 1]![1], entry.term).toBe(true);
        });
      }
    }
    // 焦作市 and its alias 焦作 nest: the outer one is kept. 中国式现代化 twice in one sentence: both are marked.
    const modernization = byTerm.get('中国式现代化')!;
    expect(modernization.contexts.some((c) => c.marks.length > 1)).toBe(true);
  });

  it('does not take a namesake for a mention: 山阳 (the ancient name) is not found in 山阳区 or 山阳古城', () => {
    const shanyang = byTerm.get('山阳')!;
    const texts = shanyang.contexts.map((c) => data.sentences[c.sentence]!);
    expect(texts).toEqual([expect.stringContaining('古称“怀州”“山阳”')]);
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

describe('the corrections of the second edition (issue 18)', () => {
  const entry = (term: string) => byTerm.get(term)!;
  const featured = (term: string) => entry(term).featured.translation ?? '';

  it('reads 朱载堉 zǎi and 蒙牛 měng, and writes neutral tones as the dictionary does', () => {
    expect(entry('朱载堉').pinyin).toBe('zhū zǎi yù');
    expect(entry('蒙牛').pinyin).toBe('měng niú');
    expect(entry('蒙牛百亿产业集群').pinyin).toMatch(/^měng niú /);
    expect(entry('说了算、定了干、再大困难也不变').pinyin).toContain('kùn nan');
    expect(entry('全国粮食高产示范区').pinyin).toContain('liáng shi');
    expect(entry('山药').pinyin).toBe('shān yao');
    expect(entry('新型政商关系').pinyin).toContain('guān xì');
  });

  it('states no fact more firmly than the sources do', () => {
    expect(entry('25311').explanation).toMatch(/inference/);
    for (const term of ['新材料', '汽车零部件', '链主企业'])
      expect(entry(term).explanation + featured(term), term).not.toMatch(/Jiaozuo's two 100-billion/);
    expect(entry('西大井1919').explanation).toMatch(/to open on 1 October/);
    expect(entry('焦作大学').explanation).toMatch(/deputy dean/);
    expect(entry('大沙河').explanation).toMatch(/core section is 10 km/);
    expect(entry('大沙河').explanation).not.toMatch(/12-km core/);
    expect(entry('中原学者')).toMatchObject({ category: 'office', explanation: expect.stringMatching(/Henan/) });
    expect(entry('怀川').gloss).toMatch(/Huaiqing/);
  });

  it('glosses formulas by what they mean, and translates the featured sentences the review found wrong', () => {
    expect(entry('四个用心').gloss).toBe('Four Wholehearted Efforts');
    expect(entry('两个坚持').gloss).toBe('Two Commitments');
    expect(entry('五个定位').gloss).toBe('Five Roles');
    expect(entry('三个合作').gloss).toBe('Three Partnerships');
    expect(entry('大调研、大走访、大排查').gloss).not.toMatch(/Big/);
    expect(entry('十大建设').gloss).not.toMatch(/Constructions/);
    expect(entry('四城联创').gloss).toMatch(/Four City Titles/);
    expect(featured('科创名城总体设计')).toMatch(/intensive, quality-led development/);
    expect(featured('焦作市社科联')).toMatch(/second-level researcher, a civil-service rank/);
    expect(featured('科技人才服务平台')).not.toMatch(/elsewhere/);
    expect(featured('西大井')).not.toMatch(/risen from the ashes/);
    expect(featured('十大基础设施重难点项目')).toMatch(/others of the city's ten key and difficult infrastructure/);
  });
});

describe('every named thing in the sources (issue 18)', () => {
  it('has the policy terms, offices and set phrases the issue names, and the parts the sources use alone', () => {
    const named = [
      ...'首位度 容错纠错 党政同责 医养结合 柔性引进 创新联合体 获得感 农业转移人口市民化'.split(' '),
      ...'党工委书记 管委会主任 二级调研员 输血式 造血式'.split(' '),
      ...['有人投、建得好、管得好', '任务书、施工图、时间表', '不动摇、不盲从、不折腾'],
      // parts of parallel phrases that the sources also use alone
      ...['不动摇', '任务书', '学党史、悟思想', '办实事、开新局'],
    ];
    expect(named.filter((term) => !byTerm.has(term))).toEqual([]);
    expect(byTerm.get('学党史、悟思想、办实事、开新局')!.breakdown).toEqual(['学党史、悟思想', '办实事、开新局']);
  });

  it("finds the aliases in the sources: 管委员会主任 is the 2019 source's form of 管委会主任", () => {
    expect(byTerm.get('管委会主任')!.aliases).toContain('管委员会主任');
    expect(byTerm.get('资源枯竭型城市')!.aliases).toContain('资源枯竭城市');
  });

  it('keeps namesakes out of the contexts: 河南 is not found in 河南理工大学, nor 中原 in 中原路', () => {
    const texts = (term: string) => byTerm.get(term)!.contexts.map((c) => data.sentences[c.sentence]!);
    expect(texts('河南').some((t) => t.includes('河南理工大学'))).toBe(false);
    expect(texts('中原').some((t) => t.includes('中原路') && !t.replace(/中原路/g, '').includes('中原'))).toBe(false);
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
            'namesakes',
            'contexts',
          ]),
        );
        expect(entry.contexts.length).toBeGreaterThan(0);
        expect(entry.contexts[0]).toEqual(
          expect.objectContaining({
            document: expect.stringMatching(/^\d{3}$/),
            headline: expect.any(String),
            text: expect.any(String),
            marks: expect.arrayContaining([[expect.any(Number), expect.any(Number)]]),
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
