/** When the welcome page opens (lib/onboarding). */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { shouldWelcome } from '../../lib/onboarding';

describe('shouldWelcome', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says yes on the first install only', async () => {
    expect(await shouldWelcome('install')).toBe(true);
    expect(await shouldWelcome('install')).toBe(false); // Chromium's repeated install of a command-line extension
  });

  it('says no on an update, a browser update or a shared module update', async () => {
    for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update'])
      expect(await shouldWelcome(reason)).toBe(false);
    expect(await shouldWelcome('install')).toBe(true); // an update before never counted as having shown it
  });
});
