/**
 * Vitest globalSetup for the `browser` project: builds the extension ONCE per test run for each browser the
 * tests load it in (`npx wxt build` → .output/chrome-mv3, `npx wxt build -b firefox --mv3` → .output/firefox-mv3),
 * so every browser test runs against the code as it is now.
 *
 * JPL_SKIP_BUILD=1 skips the builds for quick iterations, but only when previous builds exist; otherwise the
 * run fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const BUILDS = [
  { args: ['wxt', 'build'], output: join(REPO_ROOT, '.output', 'chrome-mv3') },
  { args: ['wxt', 'build', '-b', 'firefox', '--mv3'], output: join(REPO_ROOT, '.output', 'firefox-mv3') },
];

function build(args: string[], output: string): void {
  const manifest = join(output, 'manifest.json');
  const command = `npx ${args.join(' ')}`;
  if (process.env.JPL_SKIP_BUILD === '1') {
    if (!existsSync(manifest)) {
      throw new Error(
        `JPL_SKIP_BUILD=1 was set, but there is no previous build (${manifest} is missing). ` +
          `Unset JPL_SKIP_BUILD or run \`${command}\` first.`,
      );
    }
    console.log(`[browser tests] JPL_SKIP_BUILD=1: using the existing build in ${output}`);
    return;
  }

  // WXT_TIMING=1: the content script's User Timing marks, which the tests read (lib/content/timing.ts).
  console.log(`[browser tests] building the extension: WXT_TIMING=1 ${command}`);
  const started = Date.now();
  const result = spawnSync('npx', args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, WXT_TIMING: '1' } });
  if (result.error) {
    throw new Error(`[browser tests] could not run \`${command}\`: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(
      `[browser tests] \`${command}\` failed (exit ${result.status ?? `signal ${result.signal}`}); see its output above.`,
    );
  }
  if (!existsSync(manifest)) {
    throw new Error(`[browser tests] \`${command}\` succeeded but ${manifest} does not exist.`);
  }
  console.log(`[browser tests] build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default function setup(): void {
  for (const { args, output } of BUILDS) build(args, output);
}
