/** The per-site switch and the lens settings as the content script follows them (WXT's fake browser stands in for storage). */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { readDisabledSites, setSiteEnabled } from '../../lib/disabled-sites';
import { followSiteSwitch } from '../../lib/content/site-switch';
import { lensSettings, type LensSettings } from '../../lib/settings';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('followSiteSwitch', () => {
  beforeEach(() => fakeBrowser.reset());

  function watch(site: string, waitFor?: (go: () => void) => () => void) {
    const log: string[] = [];
    let lenses = 0;
    const handle = followSiteSwitch({
      site: () => site,
      runtime: browser.runtime,
      ...(waitFor ? { waitFor } : {}),
      start: (settings) => {
        const n = ++lenses;
        log.push(`start ${n} ${settings.highlightStyle}`);
        return {
          stop: () => log.push(`stop ${n}`),
          configure: (next: LensSettings) => log.push(`configure ${n} ${next.highlightStyle}`),
        };
      },
    });
    return { log, handle };
  }

  it('starts the lens where the site is not switched off, and follows the switch without a reload', async () => {
    const { log, handle } = watch('example.com');
    await settle();
    expect(log).toEqual(['start 1 underline']);
    await setSiteEnabled('example.com', false);
    await settle();
    expect(log).toEqual(['start 1 underline', 'stop 1']);
    expect((await readDisabledSites()).synced).toEqual(['example.com']);
    await setSiteEnabled('other.org', false);
    await setSiteEnabled('example.com', true);
    await settle();
    expect(log).toEqual(['start 1 underline', 'stop 1', 'start 2 underline']);
    expect((await readDisabledSites()).synced).toEqual(['other.org']);
    handle.unwatch();
  });

  it('does not start on a site switched off before the page loaded, by itself or by a domain above it', async () => {
    await setSiteEnabled('example.com', false);
    const { log, handle } = watch('www.example.com');
    await settle();
    expect(log).toEqual([]);
    handle.unwatch();
  });

  it('follows a site list still in storage.local (0.1, before the move to sync)', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['example.com'] });
    const { log, handle } = watch('example.com');
    await settle();
    expect(log).toEqual([]);
    await setSiteEnabled('example.com', true);
    await settle();
    expect(log).toEqual(['start 1 underline']);
    expect(await fakeBrowser.storage.local.get('disabledSites')).toEqual({});
    handle.unwatch();
  });

  it('starts with the stored settings and hands changed ones to the running lens', async () => {
    await lensSettings.update({ highlightStyle: 'background' });
    const { log, handle } = watch('example.com');
    await settle();
    expect(log).toEqual(['start 1 background']);
    await lensSettings.update({ highlightStyle: 'none' });
    await settle();
    expect(log).toEqual(['start 1 background', 'configure 1 none']);
    handle.unwatch();
  });

  it('pauses and resumes on this page with the keyboard command', async () => {
    const { log, handle } = watch('example.com');
    await settle();
    await browser.runtime.sendMessage({ type: 'toggle-page' }).catch(() => {});
    await settle();
    expect(log).toEqual(['start 1 underline', 'stop 1']);
    await browser.runtime.sendMessage({ type: 'toggle-page' }).catch(() => {});
    await settle();
    expect(log).toEqual(['start 1 underline', 'stop 1', 'start 2 underline']);
    handle.unwatch();
  });

  it('reads nothing from storage until the lens is wanted (the frame has Chinese text), or the popup asks', async () => {
    let go = () => {};
    let stopped = false;
    const reads: string[] = [];
    const read = fakeBrowser.storage.sync.get.bind(fakeBrowser.storage.sync);
    fakeBrowser.storage.sync.get = ((keys: never) => {
      reads.push(String(keys));
      return read(keys);
    }) as typeof fakeBrowser.storage.sync.get;
    const { log, handle } = watch('example.com', (wanted) => {
      go = wanted;
      return () => (stopped = true);
    });
    await settle();
    expect({ log, reads }).toEqual({ log: [], reads: [] });
    go();
    await settle();
    expect(log).toEqual(['start 1 underline']);
    expect(reads.length).toBeGreaterThan(0);
    handle.unwatch();
    expect(stopped).toBe(true);
  });

  it('answers the popup in a frame where the lens was never wanted', async () => {
    await setSiteEnabled('example.com', false);
    const { log, handle } = watch('example.com', () => () => {});
    const answers = await fakeBrowser.runtime.onMessage.trigger({ type: 'lens-status' }, {}, () => {});
    expect(answers.find((answer) => answer !== undefined)).toEqual({
      site: 'example.com',
      enabled: false,
      paused: false,
    });
    expect(log).toEqual([]);
    handle.unwatch();
  });
});
