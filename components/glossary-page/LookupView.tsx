/**
 * What the context menu's "Look up in the Jiaozuo glossary" opens (#lookup=…): the glossary terms found in
 * the selected text (lib/lookup), each expandable to its detail, or a plain statement that none was found;
 * then the text's words in the general dictionary (Chinese text, cut into its longest words: 步履铿锵 is
 * 步履, 铿锵), or the dictionary's search for it (pinyin, English).
 */
import { useMemo, useState } from 'preact/hooks';
import matcherData from '../../glossary/generated/matcher.json';
import type { MatcherData } from '../../lib/glossary-types';
import { glossaryTermByForm } from '../../lib/dictionary/glossary-forms';
import type { DictionarySearch } from '../../lib/dictionary/search';
import { segmentWords } from '../../lib/dictionary/segment';
import { wordsOf } from '../../lib/dictionary/word-check';
import { countText, formatCount, i18n } from '../../lib/i18n';
import { createLookup } from '../../lib/lookup';
import { glossary } from '../../lib/glossary';
import { glossarySearch } from '../../lib/glossary-search';
import { useDictionarySearch } from '../common/use-dictionary';
import { DictionaryEntries } from '../entry/DictionaryEntries';
import { EntryRow } from './EntryRow';

const indexOf = new Map(glossary.entries.map((entry, i) => [entry, i]));
let lookUp: ReturnType<typeof createLookup> | null = null;
const glossaryTermOf = glossaryTermByForm(glossary);
/** Dictionary words found by a search (not Chinese text) listed at most. */
const MAX_DICTIONARY_HITS = 20;

export function LookupView({ text }: { text: string }) {
  const dictionary = useDictionarySearch();
  // Looked up again once the dictionary is read: a short form must then stand as a word in the text.
  const result = useMemo(() => {
    lookUp ??= createLookup(glossary, matcherData as MatcherData, glossarySearch());
    return lookUp(text, dictionary.search ? wordsOf(dictionary.search.dictionary) : undefined);
  }, [text, dictionary.search]);
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
      {dictionary.unavailable ? (
        <p class="notice">{i18n.t('dictionary.unavailable')}</p>
      ) : dictionary.search && result.text ? (
        <DictionaryWords search={dictionary.search} text={result.text} />
      ) : null}
    </main>
  );
}

/** The text's words in the dictionary, or (for text that is not Chinese) what the dictionary's search finds. */
function DictionaryWords({ search, text }: { search: DictionarySearch; text: string }) {
  const words = useMemo(() => {
    if (/\p{Script=Han}/u.test(text)) {
      return segmentWords(search.dictionary, text, glossaryTermOf).map((word) => ({
        key: `${word.start}`,
        form: word.text,
        entries: word.entries,
        glossaryTerm: word.glossaryTerm,
      }));
    }
    return search.search(text, MAX_DICTIONARY_HITS).map((hit) => ({
      key: `${hit.index}`,
      form: hit.entry.simplified,
      entries: [hit.entry],
      glossaryTerm: glossaryTermOf(hit.entry.simplified),
    }));
  }, [search, text]);
  if (words.length === 0) return null;
  const chinese = /\p{Script=Han}/u.test(text);
  return (
    <section class="lookup-dictionary" aria-labelledby="lookup-dictionary-title">
      <h2 id="lookup-dictionary-title">
        {chinese ? countText('lookup.words', words.length) : countText('lookup.dictionaryHits', words.length)}
      </h2>
      <ol class="lookup-words">
        {words.map((word) => (
          <li key={word.key} class="lookup-word">
            <h3 lang="zh-CN">
              {word.form}
              {word.glossaryTerm ? <span class="muted"> ({i18n.t('lookup.isGlossaryTerm')})</span> : null}
            </h3>
            <DictionaryEntries entries={word.entries} />
          </li>
        ))}
      </ol>
    </section>
  );
}
