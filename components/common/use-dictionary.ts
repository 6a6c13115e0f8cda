/** The dictionary's search on a page: null while its files load, 'unavailable' if they cannot be read. */
import { useEffect, useState } from 'preact/hooks';
import { openDictionarySearch } from '../../lib/dictionary/load';
import type { DictionarySearch } from '../../lib/dictionary/search';

export function useDictionarySearch(): DictionarySearch | 'unavailable' | null {
  const [search, setSearch] = useState<DictionarySearch | 'unavailable' | null>(null);
  useEffect(() => {
    let live = true;
    openDictionarySearch()
      .then((opened) => live && setSearch(opened))
      .catch((error: unknown) => {
        console.error('Policy Lens: could not read the dictionary', error);
        if (live) setSearch('unavailable');
      });
    return () => {
      live = false;
    };
  }, []);
  return search;
}
