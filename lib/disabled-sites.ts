/**
 * The per-site switch: the sites (host names) where the reader turned the highlighting off, kept in
 * storage.local so that the choice outlives the browser session. The popup writes it; every content script
 * reads it on load and follows its changes.
 */
import { storage } from 'wxt/utils/storage';

export const disabledSites = storage.defineItem('local:disabledSites', { fallback: [] as string[] });

/**
 * The stored list as the readers use it: a value that is not a list of host names (damaged, or edited by hand)
 * is ignored with a logged reason, so the lens runs everywhere rather than failing.
 */
export function siteList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((site): site is string => typeof site === 'string');
  if (value != null) console.warn('Policy Lens: ignored a malformed list of switched-off sites', value);
  return [];
}

export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const sites = siteList(await disabledSites.getValue());
  const others = sites.filter((s) => s !== site);
  await disabledSites.setValue(enabled ? others : [...others, site]);
}

export function isSiteEnabled(sites: readonly string[], site: string): boolean {
  return !sites.includes(site);
}
