/**
 * The glossary page's address fragment: `#term=一区五城` opens and shows an entry, `#source=001` the reader
 * on a source document (`&sentence=001.p3.s2` scrolls to a sentence), `#lookup=…` the terms found in a text
 * selected on a page (the context menu). Values are URL-encoded.
 */
export type GlossaryRoute =
  | { view: 'glossary'; term?: string }
  | { view: 'source'; document: string; sentence?: string }
  | { view: 'lookup'; text: string };

export function parseRoute(hash: string): GlossaryRoute {
  const params = fragmentParams(hash);
  const source = params.get('source');
  if (source) {
    const sentence = params.get('sentence');
    return sentence ? { view: 'source', document: source, sentence } : { view: 'source', document: source };
  }
  const lookup = params.get('lookup');
  if (lookup !== undefined) return { view: 'lookup', text: lookup };
  const term = params.get('term');
  return term ? { view: 'glossary', term } : { view: 'glossary' };
}

export function formatRoute(route: GlossaryRoute): string {
  // encodeURIComponent rather than URLSearchParams.toString(), which writes spaces as +.
  const pairs: [string, string | undefined][] =
    route.view === 'source'
      ? [
          ['source', route.document],
          ['sentence', route.sentence],
        ]
      : route.view === 'lookup'
        ? [['lookup', route.text]]
        : [['term', route.term]];
  const fragment = pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return fragment ? `#${fragment}` : '#';
}

/** Not URLSearchParams: it reads + as a space, and terms such as 3+13+N are written by hand with a +. */
function fragmentParams(hash: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    try {
      params.set(decodeURIComponent(pair.slice(0, at)), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // A malformed escape: that pair is ignored.
    }
  }
  return params;
}
