/**
 * The sites where the reader switched the lens off (from the popup's switch or the options page), synced
 * across their browsers in storage.sync. An entry is a host name and covers its subdomains (example.com
 * covers www.example.com); pages without a host are named by their scheme (file:).
 *
 * storage.sync keeps at most 8 KB per item, so the synced list has a size limit (a few hundred typical host
 * names), and adding beyond it is refused with a reason the UI shows. Before 0.2 the list lived in
 * storage.local under the same name, without a limit: migrateDisabledSites() moves it to sync, and whatever
 * does not fit stays in the local list, which is read alongside (switched off on this browser only).
 * Nothing is ever dropped.
 */
import { lazyItem } from './storage/item';

/** Raw storage, read through parseSiteList. */
const syncedSitesItem = lazyItem('sync:disabledSites');
/** The list as 0.1 kept it; now what did not fit into sync. */
const localSitesItem = lazyItem('local:disabledSites');

/** storage.sync's QUOTA_BYTES_PER_ITEM (Chrome and Firefox): the key's length plus the JSON value's. */
export const SYNC_ITEM_BYTES = 8192;
const SYNC_KEY = 'disabledSites';

const HOST = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:$/;

/** A site key as siteOf() writes it: a lower-case host name, a bracketed IPv6 address, or a scheme. */
function isSiteKey(value: unknown): value is string {
  return typeof value === 'string' && (HOST.test(value) || IPV6.test(value) || SCHEME.test(value));
}

/**
 * The valid, distinct site keys of a stored value; anything else (a hand edit, corruption) is skipped, and a
 * value that is no list at all is ignored with a logged reason: the lens then runs everywhere rather than failing.
 */
export function parseSiteList(stored: unknown): string[] {
  if (!Array.isArray(stored)) {
    if (stored != null) console.warn('Policy Lens: ignored a malformed list of switched-off sites', stored);
    return [];
  }
  return [...new Set(stored.filter(isSiteKey))];
}

/**
 * What the reader typed into the options page as a site key: a host name or an address (its host is
 * taken). Null when it names no site.
 */
export function siteFromInput(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (text === '') return null;
  if (SCHEME.test(text)) return text === 'http:' || text === 'https:' ? null : text;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`);
    const site = url.hostname || url.protocol;
    return isSiteKey(site) ? site : null;
  } catch {
    return null;
  }
}

/** Whether an entry of the list switches the site off: the same host, or a domain above it. */
export function covers(entry: string, site: string): boolean {
  return site === entry || (!SCHEME.test(entry) && site.endsWith(`.${entry}`));
}

export function isSiteEnabled(sites: readonly string[], site: string): boolean {
  return !sites.some((entry) => covers(entry, site));
}

export interface DisabledSites {
  /** Synced across the reader's browsers. */
  synced: string[];
  /** Kept on this browser only: 0.1's list, as far as it did not fit into sync. */
  local: string[];
}

export async function readDisabledSites(): Promise<DisabledSites> {
  const [synced, local] = await Promise.all([
    syncedSitesItem()
      .getValue()
      .catch(() => null),
    localSitesItem()
      .getValue()
      .catch(() => null),
  ]);
  return { synced: parseSiteList(synced), local: parseSiteList(local) };
}

export function allDisabled({ synced, local }: DisabledSites): string[] {
  return [...new Set([...synced, ...local])];
}

/** Calls back with both lists whenever either changes. */
export function watchDisabledSites(onChange: (sites: DisabledSites) => void): () => void {
  const reread = () => void readDisabledSites().then(onChange);
  const unwatchSynced = syncedSitesItem().watch(reread);
  const unwatchLocal = localSitesItem().watch(reread);
  return () => {
    unwatchSynced();
    unwatchLocal();
  };
}

/** Bytes the list takes in storage.sync, as the quota counts them. */
export function syncedBytes(sites: readonly string[]): number {
  return SYNC_KEY.length + new TextEncoder().encode(JSON.stringify(sites)).length;
}

function fitsInSync(sites: readonly string[]): boolean {
  return syncedBytes(sites) <= SYNC_ITEM_BYTES;
}

export type SiteChange = { ok: true } | { ok: false; reason: 'full' | 'invalid' | 'storage'; detail?: string };

/**
 * Switches the lens on or off for a site. On removes every entry covering the site, from both lists;
 * off adds the site to the synced list, unless the list is full.
 */
export async function setSiteEnabled(site: string, enabled: boolean): Promise<SiteChange> {
  if (!isSiteKey(site)) return { ok: false, reason: 'invalid' };
  const { synced, local } = await readDisabledSites();
  try {
    if (enabled) {
      const keep = (list: string[]) => list.filter((entry) => !covers(entry, site));
      if (keep(synced).length !== synced.length) await syncedSitesItem().setValue(keep(synced));
      if (keep(local).length !== local.length) await writeLocal(keep(local));
      return { ok: true };
    }
    if (!isSiteEnabled(allDisabled({ synced, local }), site)) return { ok: true };
    const next = [...synced, site];
    if (!fitsInSync(next)) return { ok: false, reason: 'full' };
    await syncedSitesItem().setValue(next);
    return { ok: true };
  } catch (error) {
    // A quota the size check does not see (the whole of storage.sync, writes per minute).
    return { ok: false, reason: 'storage', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Removes an entry exactly as listed (the options page's list), from whichever list holds it. */
export async function removeSiteEntry(entry: string): Promise<void> {
  const { synced, local } = await readDisabledSites();
  if (synced.includes(entry)) await syncedSitesItem().setValue(synced.filter((s) => s !== entry));
  if (local.includes(entry)) await writeLocal(local.filter((s) => s !== entry));
}

/**
 * Moves 0.1's local list into the synced one (the background runs it at every start: it costs one read when
 * there is nothing to move). The synced list is written first and the local one shrunk after, so that a
 * failure in between leaves a site in both lists, never in neither; what does not fit stays local. The local
 * list is read once for the move, and only what was moved is taken out of it: an entry written meanwhile
 * stays (it moves at the next start). A synced list that cannot be read stops the move rather than being
 * overwritten.
 */
export async function migrateDisabledSites(): Promise<{ moved: number; kept: number }> {
  const stored = await localSitesItem().getValue();
  if (stored === null || stored === undefined) return { moved: 0, kept: 0 };
  const synced = parseSiteList(await syncedSitesItem().getValue());
  const merged = [...synced];
  const moved = new Set<string>();
  let kept = 0;
  for (const site of parseSiteList(stored)) {
    if (merged.includes(site)) moved.add(site);
    else if (fitsInSync([...merged, site])) {
      merged.push(site);
      moved.add(site);
    } else kept++;
  }
  if (merged.length !== synced.length) await syncedSitesItem().setValue(merged);
  await writeLocal(parseSiteList(await localSitesItem().getValue()).filter((site) => !moved.has(site)));
  return { moved: merged.length - synced.length, kept };
}

async function writeLocal(sites: string[]): Promise<void> {
  if (sites.length === 0) await localSitesItem().removeValue();
  else await localSitesItem().setValue(sites);
}
