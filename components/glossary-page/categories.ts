/**
 * The glossary's categories as the glossary page lists them, in the order of glossary/README.md (the build's
 * schema has the same list; importing it here would bring its validator into the page).
 */
const LABELS: [category: string, label: string][] = [
  ['slogan', 'Slogans'],
  ['plan', 'Plans'],
  ['programme', 'Programmes'],
  ['target', 'Targets'],
  ['zone', 'Zones'],
  ['institution', 'Institutions'],
  ['place', 'Places'],
  ['landmark', 'Landmarks'],
  ['company', 'Companies'],
  ['industry', 'Industries'],
  ['culture', 'Culture'],
  ['history', 'History'],
  ['person', 'People'],
  ['event', 'Events'],
  ['national-policy', 'National policy'],
  ['concept', 'Concepts'],
];

const ORDER = new Map(LABELS.map(([category], i) => [category, i]));
const NAMES = new Map(LABELS);

export function categoryLabel(category: string): string {
  return NAMES.get(category) ?? category;
}

/** Categories in reading order; any the list does not know come last, alphabetically. */
export function compareCategories(a: string, b: string): number {
  return (ORDER.get(a) ?? LABELS.length) - (ORDER.get(b) ?? LABELS.length) || a.localeCompare(b);
}
