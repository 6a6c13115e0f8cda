/**
 * The floor under the host-page figure: the same extension with a content script that does nothing (it
 * leaves the marks the benchmark waits for). Chromium charges a page for an extension's
 * content script even then (measured 2026-11-21: about 0.5 ms of its 4.5 ms frame, mostly in pre-paint's
 * compositing inputs), and no content script can go below that: the report gives ours against this floor
 * beside the aim's ratio against no extension at all.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TMP_DIR } from './common';

/** A copy of the built extension whose content script does nothing; returns its directory. */
export function emptyContentScriptExtension(extensionDir: string): string {
  const dir = join(TMP_DIR, 'empty-content-script');
  rmSync(dir, { recursive: true, force: true });
  cpSync(extensionDir, dir, { recursive: true });
  writeFileSync(
    join(dir, 'content-script.js'),
    `(() => { for (const name of ['main', 'start', 'scan-done']) performance.mark('jpl:' + name); })();\n`,
  );
  return dir;
}
