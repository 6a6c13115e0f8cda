/**
 * One browser per test file or describe block: `useHarness(launch)` registers the hooks that launch it before
 * the block's tests and close it after them, and returns its harness at once, for the tests to use. The harness
 * stands in for the one `launch` will give: using it outside the block's tests and hooks throws.
 *
 * After-hooks run in reverse order of registration, so an afterAll registered after this call still finds the
 * browser open (e.g. to check its console before it closes).
 */
import { afterAll, beforeAll } from 'vitest';
import { launchExtension, type ExtensionHarness, type LaunchOptions } from './harness';

export function useHarness<T extends { close(): Promise<void> }>(launch: () => Promise<T>): T {
  let harness: T | null = null;
  beforeAll(async () => {
    harness = await launch();
  }, 90_000);
  afterAll(async () => {
    await harness?.close();
    harness = null;
  }, 60_000);
  return new Proxy({} as T, {
    get(_, key) {
      if (!harness) throw new Error('the browser harness is used outside its block’s tests, or did not start');
      return Reflect.get(harness, key) as unknown;
    },
  });
}

/**
 * Launches Chromium with the extension before the tests of the enclosing file or block; closes it after them.
 * Here, not in harness.ts: scripts outside Vitest (npm run store:screenshots) launch the harness too.
 */
export function useExtension(options: LaunchOptions = {}): ExtensionHarness {
  return useHarness(() => launchExtension(options));
}
