/** The dictionary's search on a page, once its files are read (null until then, and if they cannot be). */
import { useEffect, useState } from 'preact/hooks';
import { openDictionarySearch } from '../../lib/dictionary/load';
import type { DictionarySearch } from '../../lib/dictionary/search';

export function useDictionarySearch(): { search: DictionarySearch | null; unavailable: boolean } {
  const [state, setState] = useState<{ search: DictionarySearch | null; unavailable: boolean }>({
    search: null,
    unavailable: false,
  });
  useEffect(() => {
    let live = true;
    openDictionarySearch()
      .then((search) => live && setState({ search, unavailable: false }))
      .catch((error: unknown) => {
        console.error('Policy Lens: could not read the dictionary', error);
        if (live) setState({ search: null, unavailable: true });
      });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
