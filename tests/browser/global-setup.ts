/**
 * Vitest globalSetup for the `browser` project: builds the Chrome MV3 extension ONCE per test run
 * (`npx wxt build` in the repository root, output in .output/chrome-mv3), so every browser test
 * runs against the code as it is now.
 *
 * JPL_SKIP_BUILD=1 skips the build for quick iterations, but only when a previous build exists
 * (.output/chrome-mv3/manifest.json); otherwise the run fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXTENSION_DIR = join(REPO_ROOT, '.output', 'chrome-mv3');

export default function setup(): void {
  const manifest = join(EXTENSION_DIR, 'manifest.json');

  if (process.env.JPL_SKIP_BUILD === '1') {
    if (!existsSync(manifest)) {
      throw new Error(
        `JPL_SKIP_BUILD=1 was set, but there is no previous build (${manifest} is missing). ` +
          'Unset JPL_SKIP_BUILD or run `npm run build` first.',
      );
    }
    console.log(`[browser tests] JPL_SKIP_BUILD=1: using the existing build in ${EXTENSION_DIR}`);
    return;
  }

  // WXT_TIMING=1: the content script's User Timing marks, which the tests read (lib/content/timing.ts).
  console.log('[browser tests] building the extension: WXT_TIMING=1 npx wxt build');
  const started = Date.now();
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, WXT_TIMING: '1' },
  });
  if (result.error) {
    throw new Error(`[browser tests] could not run \`npx wxt build\`: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(
      `[browser tests] \`npx wxt build\` failed (exit ${result.status ?? `signal ${result.signal}`}); see its output above.`,
    );
  }
  if (!existsSync(manifest)) {
    throw new Error(`[browser tests] \`npx wxt build\` succeeded but ${manifest} does not exist.`);
  }
  console.log(`[browser tests] build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
