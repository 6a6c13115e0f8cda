/** Where the dictionary's data comes from, as the build recorded it: what the About section attributes. */
import info from '../../glossary/generated/dictionary-info.json';

export const dictionaryInfo = info as { source: string; package: string; dataDate: string; entries: number };

/** CC-CEDICT's home and its licence, which asks that both be named with the data. */
export const CEDICT_URL = 'https://cc-cedict.org/wiki/';
export const CEDICT_LICENCE_URL = 'https://creativecommons.org/licenses/by-sa/4.0/';
