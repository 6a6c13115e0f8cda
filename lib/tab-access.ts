/**
 * Why no content script answers in a tab, as the popup explains it: a page no extension may run on (the
 * browser's own pages, its extension store), a site the reader has not given Policy Lens access to (Chrome's
 * "on click" or "on specific sites", Firefox's per-site permissions), local files without file access, or a
 * page opened before the extension was installed or updated (a reload runs the lens there).
 *
 * The popup sees the tab's address when it was opened from the toolbar button or its shortcut (activeTab),
 * or when it has access to the site anyway; otherwise it has only the permissions to go by.
 */

export type TabAccess =
  | { kind: 'restricted' }
  | { kind: 'no-access'; host: string | null; origins: string[] }
  | { kind: 'file-access' }
  | { kind: 'not-loaded' };

/** The hosts of extension stores, where browsers let no extension run. */
const STORE_HOSTS = [
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com',
  'addons.mozilla.org',
  'addons.opera.com',
];
/** Mozilla's other protected hosts (Firefox keeps extensions out of them). */
const MOZILLA_HOSTS = [
  'accounts.firefox.com',
  'support.mozilla.org',
  'addons.cdn.mozilla.net',
  'sync.services.mozilla.com',
];

export const ALL_SITES = '<all_urls>';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Pages no extension's content script can run on, whatever the reader allows. */
export function isRestrictedUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return true;
  if (parsed.protocol === 'file:') return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  const host = parsed.hostname;
  if (STORE_HOSTS.includes(host) || MOZILLA_HOSTS.includes(host)) return true;
  return host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore');
}

/** The permission pattern for a page's site (https://example.com/*), or null for a page without one. */
export function originPattern(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

export interface AccessFacts {
  /** The tab's address, when the popup may see it. */
  url?: string;
  /** Whether the extension has access to the tab's site (url known), or to all sites (url unknown). */
  granted: boolean;
  /** Chrome's "Allow access to file URLs" (true where the browser has no such switch). */
  fileAccess: boolean;
}

export function tabAccess({ url, granted, fileAccess }: AccessFacts): TabAccess {
  if (url === undefined || url === '') {
    // The address is hidden only where the extension has no access: with access to all sites, the tab is
    // one of the browser's own pages; without, it may be a site the reader has not allowed.
    return granted ? { kind: 'restricted' } : { kind: 'no-access', host: null, origins: [ALL_SITES] };
  }
  if (isRestrictedUrl(url)) return { kind: 'restricted' };
  if (url.startsWith('file:')) return fileAccess ? { kind: 'not-loaded' } : { kind: 'file-access' };
  if (!granted) return { kind: 'no-access', host: parse(url)!.hostname, origins: [originPattern(url)!] };
  return { kind: 'not-loaded' };
}
