/** Each kind of repair the cleaner makes, pinned on the real sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GLOSSARY_DIR } from '../../glossary/compiler/build';
import { cleanDocument, type CleanedDocument } from '../../glossary/compiler/clean';
import { DocumentSchema } from '../../glossary/compiler/schema';

const specs = (parse(readFileSync(join(GLOSSARY_DIR, 'sources/documents.yaml'), 'utf8')) as unknown[]).map((d) =>
  DocumentSchema.parse(d),
);
const raw = new Map(specs.map((spec) => [spec.id, readFileSync(join(GLOSSARY_DIR, 'sources', spec.file), 'utf8')]));
const cleaned = new Map(specs.map((spec) => [spec.id, cleanDocument(raw.get(spec.id)!, spec)]));

function doc(id: string): CleanedDocument {
  return cleaned.get(id)!;
}
function sentences(id: string): string[] {
  return doc(id).paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
}
function sentenceWith(id: string, fragment: string): string {
  const hits = sentences(id).filter((s) => s.includes(fragment));
  expect(hits, `one sentence of ${id} contains ${fragment}`).toHaveLength(1);
  return hits[0]!;
}
const han = (text: string) => [...text].filter((ch) => /\p{Script=Han}/u.test(ch)).join('');

describe('the cleaner on the five sources', () => {
  it('joins words and numbers that the narrow columns broke across lines (001, 002)', () => {
    expect(raw.get('001')).toContain('在中\n\n国共产党');
    expect(sentenceWith('001', '1925年，在中国共产党的领导下')).toMatch(
      /^1925年，在中国共产党的领导下，焦作煤矿爆发了声援“五卅”运动/,
    );
    expect(raw.get('001')).toContain('1947\n年8月15日');
    expect(sentenceWith('001', '1947年8月15日（农历）')).toContain(
      '积极参军，1947年8月15日（农历），晋、冀、鲁、豫野战军第九纵队',
    );
    expect(sentenceWith('001', '主体税种从2016年的2.65亿元增长至2020年的4.3亿元')).toBeTruthy();
    expect(sentenceWith('002', '2019年“学徐州扬州、促转型发展”')).toContain(
      '吹响致力打造“精致城市、品质焦作”的冲锋号角。',
    );
    expect(doc('001').repairs.lineBreaksJoined).toBeGreaterThan(200);
  });

  it('removes the repeated closing paragraphs of 000, keeping the first of each', () => {
    const text = sentences('000').join('');
    expect(raw.get('000')!.split('光芒所至，民心所向。').length - 1).toBe(9);
    expect(text.split('光芒所至，民心所向。').length - 1).toBe(1);
    expect(text.split('打造共同富裕示范城市，绽放民生之光。').length - 1).toBe(1);
    expect(text.split('积极创建国家生态文明建设示范区').length - 1).toBe(1);
    expect(doc('000').repairs.repeatedParagraphsRemoved).toBe(24);
    for (const id of ['001', '002', '003', '004']) expect(doc(id).repairs.repeatedParagraphsRemoved).toBe(0);
  });

  it('removes the clause that 003 repeats inside one sentence, and nothing else', () => {
    const fragment = '居民基本生活必需品价格涨幅低于全国平均水平';
    expect(raw.get('003')!.replace(/\s/g, '').split(fragment).length - 1).toBe(2);
    expect(sentenceWith('003', fragment)).toBe(`${fragment}，居民消费价格指数（CPI）涨幅低于全国平均水平。`);
    expect(doc('003').repairs.repeatedClausesRemoved).toBe(1);
    for (const id of ['000', '001', '002', '004']) expect(doc(id).repairs.repeatedClausesRemoved).toBe(0);
  });

  it("puts back the lines that another column's text cut away (003, 000)", () => {
    expect(sentences('003')).toContain('2019年，对焦作示范区有着不同寻常的意义。');
    const quoted = doc('003').paragraphs.find((p) => p.text.startsWith('“作为新升级的国家高新区'))!;
    expect(quoted.text).toMatch(/创新型科技园区。”示范区党委书记、管委员会主任王家鹏说。$/);
    expect(sentenceWith('000', '现实需要，是着力保障改善民生')).toMatch(
      /^这是着力构建现代化产业体系.*“先行示范”的扎实践行。$/,
    );
  });

  it('normalises spacing and punctuation width without touching numbers', () => {
    expect(raw.get('001')).toContain('迈 好 第 一 步 ，开 局 最 关 键 。');
    expect(sentences('001')).toContain('迈好第一步，开局最关键。');
    expect(sentenceWith('001', '分别同比增长57.1%和64.2%')).toBeTruthy();
    expect(sentenceWith('002', '新增景观水面406.667公顷、绿地466.667公顷')).toBeTruthy();
    const text003 = sentences('003').join('');
    expect(text003).not.toMatch(/[,;:()](?=\p{Script=Han})|(?<=\p{Script=Han})[,;:()]/u);
    expect(text003).toContain('1~10月份，示范区119个区重点项目完成投资116.74亿元，占年度投资目标的83.62%；');
  });

  it('keeps headings apart from the paragraphs they head, with their word spaces', () => {
    const headings = (id: string) =>
      doc(id)
        .paragraphs.filter((p) => p.kind === 'heading')
        .map((p) => p.text);
    expect(headings('004')).toContain('认清大背景 弄清楚为什么要打造先行区');
    expect(headings('004')).toContain('凝聚打造中国式现代化建设河南实践先行区奋进力量');
    expect(headings('000')).toContain('与共和国同成长 先行焦作有“勋章”');
    expect(headings('001')).toEqual(expect.arrayContaining(['焦作城市之南崛起新城区', '“25311”擘画精彩新篇章']));
    expect(sentences('001')).toContain(
      '喜迎建党百年华诞，从1999年一路走来的焦作高新区，风雨兼程，春华秋实，已经走过22个年轮。',
    );
    expect(
      doc('002')
        .paragraphs.filter((p) => p.kind === 'byline')
        .map((p) => p.text),
    ).toHaveLength(8);
  });

  it('drops no real text: every Chinese character is kept or was part of a removed repeat', () => {
    for (const [id, result] of cleaned) {
      const kept = result.paragraphs.map((p) => p.text).join('');
      const removed = result.removed.join('');
      expect(han(kept).length + han(removed).length, id).toBe(han(raw.get(id)!).length);
      // Not only as many: the very same characters.
      const sorted = (text: string) => [...han(text)].sort().join('');
      expect(sorted(kept + removed), id).toBe(sorted(raw.get(id)!));
    }
  });

  it('gives paragraphs and sentences stable ids: document, paragraph, sentence', () => {
    const all = [...cleaned.values()].flatMap((d) => d.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^\d{3}\.p\d+\.s\d+$/);
    const byId = new Map(
      [...cleaned.values()].flatMap((d) =>
        d.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)),
      ),
    );
    expect(byId.get('003.p7.s1')).toBe('2019年，对焦作示范区有着不同寻常的意义。');
    expect(byId.get('001.p34.s1')).toBe('这里就是焦作高新区的“范儿”——“25311”，“两个坚持、五个定位、三级目标”。');
  });

  it('fails loudly when a layout repair no longer finds its line', () => {
    const spec = { ...specs.find((s) => s.id === '003')!, moves: [{ line: '不存在的行', after: '管' }] };
    expect(() => cleanDocument(raw.get('003')!, spec)).toThrow(/003: moves.line "不存在的行" matches 0 lines/);
  });
});
