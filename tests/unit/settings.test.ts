/** The reader's settings and site list in storage.sync: validation on read, the size limit, the move from 0.1's local list. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SYNC_ITEM_BYTES,
  allDisabled,
  covers,
  isSiteEnabled,
  migrateDisabledSites,
  parseSiteList,
  readDisabledSites,
  removeSiteEntry,
  setSiteEnabled,
  siteFromInput,
  syncedBytes,
} from '../../lib/disabled-sites';
import { learningSettings, lensSettings, setTermMarked } from '../../lib/settings';

const DEFAULT_LENS_SETTINGS = lensSettings.defaults;

describe('lens settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are the defaults when nothing is stored', async () => {
    expect(await lensSettings.read()).toEqual(DEFAULT_LENS_SETTINGS);
  });

  it('fall back to the default field by field when a stored value is hand-edited or corrupt', () => {
    expect(
      lensSettings.parse({
        highlightStyle: 'background',
        toneColours: 'yes',
        pinyinStyle: 'numbers',
        popoverTrigger: 'wink',
        extra: 1,
      }),
    ).toEqual({
      ...DEFAULT_LENS_SETTINGS,
      highlightStyle: 'background',
      pinyinStyle: 'numbers',
    });
    for (const junk of [null, undefined, 42, 'underline', [], ['background']])
      expect(lensSettings.parse(junk)).toEqual(DEFAULT_LENS_SETTINGS);
  });

  it('read a corrupt stored value without failing, and writing one setting keeps the valid others', async () => {
    await fakeBrowser.storage.sync.set({ lensSettings: { popoverTrigger: 'click', showTranslation: 0 } });
    expect(await lensSettings.read()).toEqual({ ...DEFAULT_LENS_SETTINGS, popoverTrigger: 'click' });
    await lensSettings.update({ toneColours: true });
    expect((await fakeBrowser.storage.sync.get('lensSettings')).lensSettings).toEqual({
      ...DEFAULT_LENS_SETTINGS,
      popoverTrigger: 'click',
      toneColours: true,
    });
    await fakeBrowser.storage.sync.set({ lensSettings: 'garbage' });
    expect(await lensSettings.read()).toEqual(DEFAULT_LENS_SETTINGS);
  });

  it('reset to the defaults', async () => {
    await lensSettings.update({ highlightStyle: 'none', pinyinStyle: 'numbers' });
    await lensSettings.reset();
    expect(await lensSettings.read()).toEqual(DEFAULT_LENS_SETTINGS);
  });

  it('stay small: the whole settings item is far below storage.sync’s 8 KB per item', () => {
    expect(
      JSON.stringify({ ...DEFAULT_LENS_SETTINGS, popoverTrigger: 'shift-hover', highlightStyle: 'background' }).length,
    ).toBeLessThan(300);
  });

  it('take terms off the marks and back, and refuse a term past the limit without losing the others', async () => {
    expect(await setTermMarked('一区五城', false)).toBe(true);
    expect(await setTermMarked('三区一极', false)).toBe(true);
    expect(await setTermMarked('一区五城', false)).toBe(true);
    expect((await lensSettings.read()).unmarkedTerms).toEqual(['三区一极', '一区五城']);
    expect(await setTermMarked('三区一极', true)).toBe(true);
    expect((await lensSettings.read()).unmarkedTerms).toEqual(['一区五城']);

    // Long names fill the 8 KB storage.sync gives the item before a hundred terms do.
    const longName = (i: number) => `中共焦作市委关于贯彻党的二十届三中全会精神进一步全面深化改革的实施意见${i}`;
    let taken = 1;
    while (await setTermMarked(longName(taken), false)) taken++;
    expect(taken).toBeGreaterThan(10);
    expect(taken).toBeLessThan(100);
    const stored = (await lensSettings.read()).unmarkedTerms;
    expect(stored).toHaveLength(taken);
    expect(stored[0]).toBe('一区五城');
    expect(stored).not.toContain(longName(taken));
    expect(
      new TextEncoder().encode(JSON.stringify(await fakeBrowser.storage.sync.get('lensSettings'))).length,
    ).toBeLessThanOrEqual(8192);
  });
});

describe('the site list', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes host names, addresses and schemes from what the reader types', () => {
    expect(siteFromInput(' News.Example.CN ')).toBe('news.example.cn');
    expect(siteFromInput('https://www.henan.gov.cn/2024/01/x.html?q=1')).toBe('www.henan.gov.cn');
    expect(siteFromInput('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(siteFromInput('file:')).toBe('file:');
    expect(siteFromInput('file:///home/me/a.html')).toBe('file:');
    for (const bad of ['', '   ', 'http:', 'not a site', 'exa mple.com', 'https://', '-bad-.com'])
      expect(siteFromInput(bad), bad).toBeNull();
  });

  it('covers subdomains of an entry, not other sites that end alike', () => {
    expect(covers('example.com', 'www.example.com')).toBe(true);
    expect(covers('example.com', 'example.com')).toBe(true);
    expect(covers('example.com', 'badexample.com')).toBe(false);
    expect(covers('www.example.com', 'example.com')).toBe(false);
    expect(isSiteEnabled(['example.com'], 'a.b.example.com')).toBe(false);
  });

  it('skips what is not a site key in a stored list, and anything that is not a list', () => {
    expect(parseSiteList(['a.com', 42, null, 'A B', 'a.com', 'file:', { site: 'b.com' }, '[::1]'])).toEqual([
      'a.com',
      'file:',
      '[::1]',
    ]);
    expect(parseSiteList('a.com')).toEqual([]);
    expect(parseSiteList({ 0: 'a.com' })).toEqual([]);
  });

  it('switches a site off into sync, and on again from both lists, including the domain entry covering it', async () => {
    expect(await setSiteEnabled('news.example.cn', false)).toEqual({ ok: true });
    expect((await fakeBrowser.storage.sync.get('disabledSites')).disabledSites).toEqual(['news.example.cn']);
    await fakeBrowser.storage.local.set({ disabledSites: ['example.cn'] });
    expect(await setSiteEnabled('news.example.cn', true)).toEqual({ ok: true });
    expect(await readDisabledSites()).toEqual({ synced: [], local: [] });
    expect(await setSiteEnabled('not a site', false)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a site that would take the synced list past 8 KB, and says so', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => `site-${i}.example.org`);
    const fitting: string[] = [];
    for (const site of many) {
      if (syncedBytes([...fitting, site]) > SYNC_ITEM_BYTES) break;
      fitting.push(site);
    }
    await fakeBrowser.storage.sync.set({ disabledSites: fitting });
    expect(fitting.length).toBeGreaterThan(300);
    expect(await setSiteEnabled('one-more.example.org', false)).toEqual({ ok: false, reason: 'full' });
    expect((await readDisabledSites()).synced).toHaveLength(fitting.length);
    await removeSiteEntry(fitting[0]!);
    expect(await setSiteEnabled('one-more.example.org', false)).toEqual({ ok: true });
  });
});

describe('moving 0.1’s local site list to sync', () => {
  beforeEach(() => fakeBrowser.reset());

  // 0.1's stored data (the per-version fixture: stored-versions.test.ts updates from it through the background).
  const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'storage', 'v1.json'), 'utf8')) as {
    local: Record<string, unknown>;
    sync: Record<string, unknown>;
    expect: { settings: unknown };
  };

  it('loses nothing: every site of the fixture is switched off after the move, now synced, and the other settings stay', async () => {
    await fakeBrowser.storage.local.set(fixture.local);
    await fakeBrowser.storage.sync.set(fixture.sync);
    const before = allDisabled(await readDisabledSites());
    expect(before).toEqual(fixture.local.disabledSites);

    expect(await migrateDisabledSites()).toEqual({ moved: 4, kept: 0 });
    expect(await readDisabledSites()).toEqual({ synced: fixture.local.disabledSites, local: [] });
    expect(await fakeBrowser.storage.local.get('disabledSites')).toEqual({});
    expect(await learningSettings.read()).toEqual(fixture.expect.settings);
    // Run again (every start of the background): nothing changes.
    expect(await migrateDisabledSites()).toEqual({ moved: 0, kept: 0 });
    expect(allDisabled(await readDisabledSites())).toEqual(before);
  });

  it('merges with a list already synced from another browser', async () => {
    await fakeBrowser.storage.local.set(fixture.local);
    await fakeBrowser.storage.sync.set({ disabledSites: ['other.example', 'file:'] });
    await migrateDisabledSites();
    expect((await readDisabledSites()).synced).toEqual([
      'other.example',
      'file:',
      'news.example.cn',
      '127.0.0.1',
      'www.henan.gov.cn',
    ]);
  });

  it('keeps what does not fit into sync in the local list, still switched off', async () => {
    const huge = Array.from({ length: 800 }, (_, i) => `old-site-number-${i}.example.org`);
    await fakeBrowser.storage.local.set({ disabledSites: huge });
    const { moved, kept } = await migrateDisabledSites();
    expect(moved + kept).toBe(800);
    expect(kept).toBeGreaterThan(0);
    const { synced, local } = await readDisabledSites();
    expect(syncedBytes(synced)).toBeLessThanOrEqual(SYNC_ITEM_BYTES);
    expect(new Set([...synced, ...local])).toEqual(new Set(huge));
    for (const site of huge) expect(isSiteEnabled(allDisabled({ synced, local }), site)).toBe(false);
  });

  it('loses no site written to the local list while the move runs', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['news.example.cn'] });
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = async (items) => {
      await set(items);
      await fakeBrowser.storage.local.set({ disabledSites: ['news.example.cn', 'late.example'] }); // between the two writes
    };
    await migrateDisabledSites();
    fakeBrowser.storage.sync.set = set;
    expect(await readDisabledSites()).toEqual({ synced: ['news.example.cn'], local: ['late.example'] });
    await migrateDisabledSites();
    expect(await readDisabledSites()).toEqual({ synced: ['news.example.cn', 'late.example'], local: [] });
  });

  it('does not overwrite a synced list it cannot read', async () => {
    await fakeBrowser.storage.local.set(fixture.local);
    await fakeBrowser.storage.sync.set({ disabledSites: ['other.example'] });
    const get = fakeBrowser.storage.sync.get;
    fakeBrowser.storage.sync.get = () => Promise.reject(new Error('sync storage unavailable'));
    await expect(migrateDisabledSites()).rejects.toThrow('unavailable');
    fakeBrowser.storage.sync.get = get;
    expect(await readDisabledSites()).toEqual({ synced: ['other.example'], local: fixture.local.disabledSites });
  });

  it('keeps the local list when writing to sync fails', async () => {
    await fakeBrowser.storage.local.set(fixture.local);
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    await expect(migrateDisabledSites()).rejects.toThrow('QUOTA');
    fakeBrowser.storage.sync.set = set;
    expect((await readDisabledSites()).local).toEqual(fixture.local.disabledSites);
  });
});
