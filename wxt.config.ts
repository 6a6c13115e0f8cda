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
    // storage: the study list, review state, history and settings, and the per-site switch of the
    // highlighting (README → Permissions).
    permissions: ['storage'],
    // Asked for only when the learner turns on sending notes to a running Anki (AnkiConnect).
    optional_host_permissions: ['http://127.0.0.1:8765/*'],
    commands: {
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
