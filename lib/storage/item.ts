/**
 * A storage item defined on first use. WXT's defineItem reads its item from storage at once (to initialise
 * it), and modules that the content script imports define items at their top level: every frame of every page
 * would read them, most frames never needing them (a frame without Chinese text reads nothing).
 */
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';

export function lazyItem(key: StorageItemKey): () => WxtStorageItem<unknown, Record<string, unknown>> {
  let item: WxtStorageItem<unknown, Record<string, unknown>> | null = null;
  return () => (item ??= storage.defineItem<unknown>(key));
}
