/**
 * The per-site switch: the sites (host names) where the reader turned the highlighting off, kept in
 * storage.local so that the choice outlives the browser session. The popup writes it; every content script
 * reads it on load and follows its changes.
 */
import { storage } from 'wxt/utils/storage';

export const disabledSites = storage.defineItem('local:disabledSites', { fallback: [] as string[] });

export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const sites = await disabledSites.getValue();
  const others = sites.filter((s) => s !== site);
  await disabledSites.setValue(enabled ? others : [...others, site]);
}

export function isSiteEnabled(sites: readonly string[], site: string): boolean {
  return !sites.includes(site);
}
