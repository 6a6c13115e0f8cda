/**
 * A dictionary word's entries (CC-CEDICT), as the popup and the lookup page show them: the word in both
 * scripts where they differ, pinyin, the senses, measure words and what it is a variant of. Always labelled
 * as the general dictionary, so that no reader takes it for a Jiaozuo glossary term.
 */
import type { DictionaryEntry, WordRef } from '../../lib/dictionary-types';
import { i18n } from '../../lib/i18n';

export function DictionaryEntries({ entries, heading }: { entries: DictionaryEntry[]; heading?: boolean }) {
  return (
    <div class="dictionary-entries">
      {entries.map((entry, i) => (
        <section key={i} class="dictionary-entry">
          <p class="dictionary-head">
            {heading ? (
              <span class="dictionary-word" lang="zh-CN">
                {entry.simplified}
              </span>
            ) : null}
            {entry.traditional !== entry.simplified ? (
              <span class="dictionary-other-form">
                {i18n.t('dictionary.traditional')} <span lang="zh-TW">{entry.traditional}</span>
              </span>
            ) : null}
            <span class="dictionary-pinyin" lang="zh-Latn-pinyin">
              {entry.pinyin}
            </span>
          </p>
          {entry.senses.length > 0 ? (
            <ol class="dictionary-senses">
              {entry.senses.map((sense, s) => (
                <li key={s}>{sense}</li>
              ))}
            </ol>
          ) : null}
          {entry.classifiers.length > 0 ? (
            <p class="dictionary-refs">
              {i18n.t('dictionary.classifiers')} <Refs refs={entry.classifiers} />
            </p>
          ) : null}
          {entry.variantOf.length > 0 ? (
            <p class="dictionary-refs">
              {i18n.t('dictionary.variantOf')} <Refs refs={entry.variantOf} />
            </p>
          ) : null}
        </section>
      ))}
      <p class="dictionary-source muted">{i18n.t('dictionary.source')}</p>
    </div>
  );
}

function Refs({ refs }: { refs: WordRef[] }) {
  return (
    <>
      {refs.map((ref, i) => (
        <span key={i} class="dictionary-ref">
          {i > 0 ? '、' : ''}
          <span lang="zh-CN">{ref.simplified}</span>
          {ref.pinyin ? (
            <span class="dictionary-pinyin" lang="zh-Latn-pinyin">
              {' '}
              {ref.pinyin}
            </span>
          ) : null}
        </span>
      ))}
    </>
  );
}
