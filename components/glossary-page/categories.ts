/**
 * The glossary's categories as the glossary page lists them, in the order of glossary/README.md (the build's
 * schema has the same list; importing it here would bring its validator into the page).
 */
import { i18n, type PlainKey } from '../../lib/i18n';

const LABELS: [category: string, label: PlainKey][] = [
  ['slogan', 'category.slogan'],
  ['plan', 'category.plan'],
  ['programme', 'category.programme'],
  ['target', 'category.target'],
  ['zone', 'category.zone'],
  ['institution', 'category.institution'],
  ['office', 'category.office'],
  ['place', 'category.place'],
  ['landmark', 'category.landmark'],
  ['company', 'category.company'],
  ['industry', 'category.industry'],
  ['culture', 'category.culture'],
  ['history', 'category.history'],
  ['person', 'category.person'],
  ['event', 'category.event'],
  ['national-policy', 'category.nationalPolicy'],
  ['concept', 'category.concept'],
];

const ORDER = new Map(LABELS.map(([category], i) => [category, i]));
const NAMES = new Map(LABELS);

export function categoryLabel(category: string): string {
  const key = NAMES.get(category);
  return key ? i18n.t(key) : category;
}

/** Categories in reading order; any the list does not know come last, alphabetically. */
export function compareCategories(a: string, b: string): number {
  return (ORDER.get(a) ?? LABELS.length) - (ORDER.get(b) ?? LABELS.length) || a.localeCompare(b);
}
