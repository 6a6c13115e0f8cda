/** The full glossary, for extension pages (never the content script, which gets only the matcher tables). */
import data from '../glossary/generated/glossary.json';
import type { GlossaryData } from './glossary-types';

// A JSON import types [start, end] pairs as number[]: the build wrote the shape GlossaryData describes.
export const glossary = data as unknown as GlossaryData;
