/**
 * No English UI text written into the components: every word a user sees comes from locales/*.yml through
 * i18n.t. The TypeScript parser reads each UI source file and reports Latin words in
 * - JSX text (`<button>Save</button>`),
 * - the user-visible attributes (title, aria-label, placeholder, alt, …), string or expression,
 * - strings inside a JSX child expression (`{open ? 'Close' : 'Open'}`),
 * - and, anywhere else in the file, strings that read like English prose (two words or more: a label kept in a
 *   table, a message built in a handler), outside i18n calls, console calls and errors for developers.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** What users see but is the same in every language; each with its reason. */
const ALLOWED_TEXT = new Set([
  // Export formats named by their programs' and format's own names (Anki, Pleco, CSV), as in both languages' UIs.
  'Anki (.txt)',
  'Pleco (.txt)',
  'CSV',
]);

const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'placeholder',
  'alt',
  'label',
]);
/** Calls whose string arguments are message keys, or text for developers rather than users. */
const EXEMPT_CALLS = /^(i18n\.t|countText|fill|console\.\w+|localizeDocument)$/;

const LATIN_WORD = /[A-Za-z]{2,}/;
const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);
const PROSE = /[A-Za-z]{2,}[,;:.!?]?\s+[A-Za-z]{2,}/;

export interface Finding {
  file: string;
  line: number;
  text: string;
}

export function findHardCodedText(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (ALLOWED_TEXT.has(clean)) return;
    findings.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: clean });
  };
  /** The literal text pieces of a string or template expression. */
  const literalText = (node: ts.Node): string | null => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node))
      return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    return null;
  };

  /** `mode`: 'visible' inside a JSX child or a visible attribute (any Latin word counts), 'code' elsewhere (prose counts). */
  const visit = (node: ts.Node, mode: 'visible' | 'code'): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression.getText(sourceFile);
      if (EXEMPT_CALLS.test(callee) || (ts.isNewExpression(node) && /Error$/.test(callee))) return;
    }
    if (ts.isJsxText(node)) {
      if (LATIN_WORD.test(node.text)) report(node, node.text);
      return;
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sourceFile);
      if (!node.initializer) return;
      // Non-visible attributes (class, id, href, key, role, …) hold no UI text, but their JSX values may.
      if (!VISIBLE_ATTRIBUTES.has(name)) return ts.forEachChild(node.initializer, (child) => visitJsxValue(child));
      if (ts.isStringLiteral(node.initializer)) {
        if (LATIN_WORD.test(node.initializer.text)) report(node, `${name}="${node.initializer.text}"`);
        return;
      }
      return ts.forEachChild(node.initializer, (child) => visit(child, 'visible'));
    }
    if (ts.isJsxExpression(node)) return ts.forEachChild(node, (child) => visit(child, 'visible'));
    // A value compared with (`tab.kind === 'ready'`) is data, not text shown.
    if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
      for (const side of [node.left, node.right]) if (literalText(side) === null) visit(side, mode);
      return;
    }
    const text = literalText(node);
    if (text !== null) {
      if (mode === 'visible' ? LATIN_WORD.test(text) : PROSE.test(text)) report(node, text);
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => visit(span.expression, mode));
      return;
    }
    // A JSX element nested in an expression starts its own children and attributes.
    ts.forEachChild(node, (child) =>
      visit(child, ts.isJsxElement(node) || ts.isJsxFragment(node) || ts.isJsxSelfClosingElement(node) ? 'code' : mode),
    );
  };
  /** Inside a non-visible attribute's value only JSX (an element passed as a prop) is looked at. */
  const visitJsxValue = (node: ts.Node): void => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return visit(node, 'code');
    ts.forEachChild(node, visitJsxValue);
  };
  visit(sourceFile, 'code');
  return findings;
}

/** The UI's sources: components, the entrypoints (the background names the context menu) and the popover's host. */
function uiSources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) return uiSources(join(dir, name));
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('hard-coded UI text', () => {
  it('finds English in JSX text, visible attributes, child expressions and prose strings; not in keys, classes or code', () => {
    const source = `
      const LABEL = 'Where I met them';
      const kind = 'reveal-term';
      export function Bad({ open }: { open: boolean }) {
        return (
          <form class="add form" data-state="open now" title={i18n.t('popup.explain')}>
            <button type="submit">Save</button>
            <input placeholder="Your name" aria-label={\`Note for \${kind}\`} />
            <p>{open ? 'Close' : i18n.t('popup.looking')}</p>
            {kind === 'reveal-term' ? <b>{kind !== 'x' && 'Shown'}</b> : null}
            <Row icon={<img alt="Star" />} />
            <p>{i18n.t('common.loading')} · {count} ×{n} 焦作</p>
            {console.warn('a message for developers')}
          </form>
        );
      }`;
    const texts = findHardCodedText('sample.tsx', source).map((finding) => finding.text);
    expect(texts).toEqual([
      'Where I met them',
      'Save',
      'placeholder="Your name"',
      'Note for',
      'Close',
      'Shown',
      'alt="Star"',
    ]);
  });

  it('leaves an allowed name alone', () => {
    expect(findHardCodedText('sample.tsx', '<p><button>CSV</button><button>Anki (.txt)</button></p>')).toEqual([]);
  });

  it('finds none in the extension’s UI sources', () => {
    const files = [...uiSources('components'), ...uiSources('entrypoints'), ...uiSources('lib/content/popover')];
    expect(files.length).toBeGreaterThan(20);
    const findings = files.flatMap((file) => findHardCodedText(relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(findings.map(({ file, line, text }) => `${file}:${line} ${text}`)).toEqual([]);
  });
});
