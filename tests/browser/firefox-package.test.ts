/**
 * The Firefox package as addons.mozilla.org will check it: `web-ext lint` (Mozilla's addons-linter) on the
 * Firefox MV3 build finds no error, and no warning but the two docs/releasing.md explains: Preact's own
 * support for dangerouslySetInnerHTML, which our code never uses, and the content script's import() of its
 * popover file by a computed address.
 *
 * Reads .output/firefox-mv3, which global-setup.ts builds once per run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { POPOVER_VIEW_GLOBAL } from '../../lib/content/popover-host';

const ROOT = join(import.meta.dirname, '../..');
const FIREFOX_DIR = join(ROOT, '.output/firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

describe('Firefox package', () => {
  test('passes web-ext lint: no errors, and no warnings but Preact’s innerHTML support and our popover’s import', () => {
    const lint = spawnSync(
      join(ROOT, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', FIREFOX_DIR, '--self-hosted=false', '--output', 'json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(lint.stdout) as {
      errors: LintMessage[];
      warnings: LintMessage[];
      notices: LintMessage[];
    };
    expect(report.errors).toEqual([]);
    expect(lint.status).toBe(0);
    const unexplained = report.warnings.filter((warning) => {
      if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file) return true;
      // The flagged assignment must be Preact's diff applying a dangerouslySetInnerHTML prop (minified on line 1).
      const code = readFileSync(join(FIREFOX_DIR, warning.file), 'utf8').split('\n')[(warning.line ?? 1) - 1] ?? '';
      const around = code.slice(Math.max(0, (warning.column ?? 0) - 300), (warning.column ?? 0) + 100);
      // Or the content script importing its own popover file (lib/content/popover-host.ts): the address is
      // runtime.getURL's, which the linter cannot know.
      if (warning.message.includes('import'))
        return !(warning.file === 'content-script.js' && around.includes(POPOVER_VIEW_GLOBAL));
      return !around.includes('dangerouslySetInnerHTML');
    });
    expect(unexplained.map((warning) => `${warning.code} ${warning.file ?? ''}: ${warning.message}`)).toEqual([]);
  }, 120_000);

  test('is localized: the manifest names messages that exist in English and Chinese', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.default_locale).toBe('en');
    for (const locale of ['en', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(join(FIREFOX_DIR, '_locales', locale, 'messages.json'), 'utf8'));
      for (const field of [manifest.name, manifest.description, manifest.short_name, manifest.action.default_title]) {
        const key = /^__MSG_(\w+)__$/.exec(field)?.[1];
        expect(messages[key ?? '']?.message, `${locale} ${field}`).toBeTruthy();
      }
    }
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
  });
});
