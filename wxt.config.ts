import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { writeGlossary } from './glossary/build/build';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The glossary's generated tables must exist and be current before any bundle is built.
    'build:before': () => {
      writeGlossary();
    },
  },
  manifest: ({ browser }) => ({
    name: 'Jiaozuo Policy Lens 焦作政策词汇助读',
    short_name: 'Policy Lens',
    // Each permission is explained in README → Permissions. storage: settings, the sites switched off, the
    // study list and history. contextMenus: "Look up in the Jiaozuo glossary" on selected text (Firefox reads
    // it as menus). activeTab: the popup may read the address of the tab it was opened over, to say why the
    // lens cannot run there and ask for that one site.
    permissions: ['storage', 'contextMenus', 'activeTab'],
    // Asked for only when the learner turns on sending notes to a running Anki (AnkiConnect).
    optional_host_permissions: ['http://127.0.0.1:8765/*'],
    // Chrome takes at most four suggested keys: these four.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open the Policy Lens popup',
      },
      'toggle-highlighting': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Pause or resume the lens on this page',
      },
      'next-term': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Step to the next glossary term on the page',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Step to the previous glossary term on the page',
      },
    },
    description:
      'Explains Jiaozuo (焦作) policy vocabulary wherever you read it: pinyin, English and the source sentence for each term.',
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'jiaozuo-policy-lens@policy-lens.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
