/**
 * What the context menu's "Look up in the Jiaozuo glossary" opens (#lookup=…): the glossary terms found in
 * the selected text (lib/lookup), each expandable to its detail, or a plain statement that none was found.
 */
import { useMemo, useState } from 'preact/hooks';
import matcherData from '../../glossary/generated/matcher.json';
import type { MatcherData } from '../../lib/glossary-types';
import { formatCount, i18n } from '../../lib/i18n';
import { createLookup } from '../../lib/lookup';
import { glossary } from '../../lib/glossary';
import { glossarySearch } from '../../lib/glossary-search';
import { EntryRow } from './EntryRow';

const indexOf = new Map(glossary.entries.map((entry, i) => [entry, i]));
let lookUp: ReturnType<typeof createLookup> | null = null;

export function LookupView({ text }: { text: string }) {
  const result = useMemo(() => {
    lookUp ??= createLookup(glossary, matcherData as MatcherData, glossarySearch());
    return lookUp(text);
  }, [text]);
  // One entry found: shown open at once.
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(result.entries.length === 1 ? [result.entries[0]!.term] : []),
  );
  const toggle = (term: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(term)) next.add(term);
      return next;
    });
  const count = result.entries.length;

  return (
    <main class="glossary-view lookup-view">
      <h1>{i18n.t('lookup.title')}</h1>
      <blockquote class="lookup-text" lang="zh-CN">
        {result.text || '—'}
      </blockquote>
      <p class="lookup-summary" role="status">
        {result.kind === 'contains'
          ? i18n.t('lookup.contains', count, [formatCount(count)])
          : result.kind === 'search'
            ? i18n.t('lookup.close', count, [formatCount(count)])
            : i18n.t('lookup.none')}
      </p>
      {count > 0 ? (
        <ol class="entries">
          {result.entries.map((entry) => (
            <EntryRow
              key={entry.term}
              entry={entry}
              index={indexOf.get(entry)!}
              open={open.has(entry.term)}
              onToggle={() => toggle(entry.term)}
              showCategory
            />
          ))}
        </ol>
      ) : (
        <p class="muted">
          {i18n.t('lookup.holds', [formatCount(glossary.entries.length)])} <a href="#">{i18n.t('lookup.browse')}</a>
        </p>
      )}
    </main>
  );
}
