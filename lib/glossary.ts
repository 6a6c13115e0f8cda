/** The full glossary, for extension pages (never the content script, which gets only the matcher tables). */
import data from '../glossary/generated/glossary.json';
import type { GlossaryData } from './glossary-types';

export const glossary = data as GlossaryData;
