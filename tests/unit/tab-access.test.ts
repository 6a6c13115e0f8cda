/** Why the popup cannot read a tab (lib/tab-access): browser pages, withheld site access, file access, pages opened before install. */
import { describe, expect, it } from 'vitest';
import { isRestrictedUrl, originPattern, tabAccess } from '../../lib/tab-access';

describe('tabAccess', () => {
  it('names the pages no extension may run on', () => {
    for (const url of [
      'chrome://settings/',
      'chrome://newtab/',
      'edge://extensions',
      'about:addons',
      'chrome-extension://abcdefghijklmnop/popup.html',
      'moz-extension://1234/options.html',
      'view-source:https://example.com/',
      'https://chromewebstore.google.com/detail/x/abc',
      'https://chrome.google.com/webstore/category/extensions',
      'https://addons.mozilla.org/en-US/firefox/',
      'not a url',
    ]) {
      expect(isRestrictedUrl(url), url).toBe(true);
      expect(tabAccess({ url, granted: true, fileAccess: true }), url).toEqual({ kind: 'restricted' });
    }
    for (const url of [
      'https://www.henan.gov.cn/',
      'http://127.0.0.1:8080/a.html',
      'file:///home/me/a.html',
      'https://chrome.google.com/search',
    ]) {
      expect(isRestrictedUrl(url), url).toBe(false);
    }
  });

  it('offers access to the site when the reader has not given it', () => {
    expect(tabAccess({ url: 'https://www.henan.gov.cn/2024/x.html', granted: false, fileAccess: true })).toEqual({
      kind: 'no-access',
      host: 'www.henan.gov.cn',
      origins: ['https://www.henan.gov.cn/*'],
    });
    expect(originPattern('http://127.0.0.1:8080/a.html?q#h')).toBe('http://127.0.0.1/*');
    expect(originPattern('chrome://settings')).toBeNull();
  });

  it('without the address (no activeTab): a browser page when all sites are allowed, else maybe a withheld site', () => {
    expect(tabAccess({ granted: true, fileAccess: true })).toEqual({ kind: 'restricted' });
    expect(tabAccess({ granted: false, fileAccess: true })).toEqual({
      kind: 'no-access',
      host: null,
      origins: ['<all_urls>'],
    });
  });

  it('asks for file access on local files, and a reload where access is given but no lens runs', () => {
    expect(tabAccess({ url: 'file:///home/me/a.html', granted: false, fileAccess: false })).toEqual({
      kind: 'file-access',
    });
    expect(tabAccess({ url: 'file:///home/me/a.html', granted: false, fileAccess: true })).toEqual({
      kind: 'not-loaded',
    });
    expect(tabAccess({ url: 'https://news.example.cn/', granted: true, fileAccess: true })).toEqual({
      kind: 'not-loaded',
    });
  });
});
