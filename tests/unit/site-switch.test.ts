/** The per-site switch as the content script follows it (WXT's fake browser stands in for storage). */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { disabledSites, setSiteEnabled } from '../../lib/disabled-sites';
import { followSiteSwitch } from '../../lib/content/site-switch';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('followSiteSwitch', () => {
  beforeEach(() => fakeBrowser.reset());

  function watch(site: string) {
    const log: string[] = [];
    let lenses = 0;
    const handle = followSiteSwitch({
      site,
      runtime: browser.runtime,
      start: () => {
        const n = ++lenses;
        log.push(`start ${n}`);
        return { stop: () => log.push(`stop ${n}`) };
      },
    });
    return { log, handle };
  }

  it('starts the lens where the site is not switched off, and follows the switch without a reload', async () => {
    const { log, handle } = watch('example.com');
    await settle();
    expect(log).toEqual(['start 1']);
    await setSiteEnabled('example.com', false);
    await settle();
    expect(log).toEqual(['start 1', 'stop 1']);
    expect(await disabledSites.getValue()).toEqual(['example.com']);
    await setSiteEnabled('other.org', false);
    await setSiteEnabled('example.com', true);
    await settle();
    expect(log).toEqual(['start 1', 'stop 1', 'start 2']);
    expect(await disabledSites.getValue()).toEqual(['other.org']);
    handle.unwatch();
  });

  it('does not start on a site switched off before the page loaded', async () => {
    await disabledSites.setValue(['example.com']);
    const { log, handle } = watch('example.com');
    await settle();
    expect(log).toEqual([]);
    handle.unwatch();
  });
});
