import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { writeGlossary, GENERATED_DIR } from './glossary/compiler/build';
import { writeDictionary } from './glossary/compiler/dictionary';

/** The dictionary's files, as the build wrote them before bundling. */
let dictionaryFiles: string[] = [];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  // JSON modules as JSON.parse('…'): V8 parses that faster than the same data as an object literal. (The content
  // script imports its matcher tables as text, ?raw, and parses them only in a frame that has Chinese text.)
  vite: () => ({ plugins: [preact()], json: { stringify: true } }),
  // The Firefox sources zip (npm run zip) holds what rebuilds the extension (docs/releasing.md): no tests,
  // benchmarks, docs, store material or generated glossary tables (the build writes them).
  zip: {
    excludeSources: [
      'tests/**',
      'bench/**',
      'docs/**',
      'lint/**',
      'store/**',
      'scripts/**',
      'test-results/**',
      'glossary/generated/**',
      'vitest.config.ts',
    ],
  },
  hooks: {
    // The glossary's generated tables and the dictionary's files must exist and be current before any bundle
    // is built.
    'build:before': () => {
      writeGlossary();
      dictionaryFiles = writeDictionary(GENERATED_DIR).files;
    },
    // The dictionary's files ship as they are, at the extension's root (lib/dictionary/load.ts fetches them).
    'build:publicAssets': (_wxt, files) => {
      for (const name of dictionaryFiles) files.push({ absoluteSrc: join(GENERATED_DIR, name), relativeDest: name });
    },
  },
  manifest: ({ browser }) => ({
    // UI strings live in locales/*.yml (@wxt-dev/i18n); the browser's language picks one.
    default_locale: 'en',
    name: '__MSG_extension_name__',
    short_name: '__MSG_extension_shortName__',
    // Each permission is explained in README → Permissions. storage: settings, the sites switched off, the
    // study list and history. contextMenus: "Look up in the Jiaozuo glossary" on selected text (Firefox reads
    // it as menus). activeTab: the popup may read the address of the tab it was opened over, to say why the
    // lens cannot run there and ask for that one site.
    permissions: ['storage', 'contextMenus', 'activeTab'],
    // The content script (entrypoints/content-script.ts), declared here rather than with WXT's defineContentScript,
    // whose start-up announces the extension to every page. Every frame: frames without an origin of their own
    // (sandboxed srcdoc, data:, blob:) are read too, as the reader sees them. No stylesheet: the highlights' styles
    // come with the first highlight (lib/content/highlights.ts), so that a page without terms has none.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        all_frames: true,
        match_about_blank: true,
        match_origin_as_fallback: true,
        run_at: 'document_idle',
        js: ['content-script.js'],
      },
    ],
    // Asked for only when the learner turns on sending notes to a running Anki (AnkiConnect).
    optional_host_permissions: ['http://127.0.0.1:8765/*'],
    // Chrome takes at most four suggested keys: these four (it refuses Alt+Shift+P, which it keeps for itself).
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+U' },
        description: '__MSG_command_openPopup__',
      },
      'toggle-highlighting': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_command_togglePage__',
      },
      'next-term': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_command_nextTerm__',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_command_previousTerm__',
      },
    },
    description: '__MSG_extension_description__',
    // The popover's UI, which the content script imports on the first term pointed at (lib/content/popover-host.ts):
    // a content script can import only web-accessible files. In Chrome only through an address that changes
    // each session, so that a page cannot probe a fixed one to learn the extension is installed (Firefox's
    // addresses differ per install already).
    web_accessible_resources: [
      {
        resources: ['popover-view.js'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'jiaozuo-policy-lens@policy-lens.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from version 142 (web-ext lint).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
