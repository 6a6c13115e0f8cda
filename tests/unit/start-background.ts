/** Starts the real background entrypoint against WXT's fake browser (which lacks the commands API). */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';

export function startBackground(): void {
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
  void background.main();
}
