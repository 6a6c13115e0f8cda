/**
 * A source article as the glossary was built from it (its cleaned paragraphs and sentences), with every
 * glossary term highlighted and explained on hover exactly as on the web, with the reader's settings. Content
 * scripts do not run on extension pages, so the page starts the same lens itself (components/use-lens);
 * entry details come from the background as usual.
 */
import { useEffect } from 'preact/hooks';
import type { SourceDocument } from '../../lib/glossary-types';
import { i18n } from '../../lib/i18n';
import { glossary } from '../../lib/glossary';
import { useLens } from '../common/use-lens';
import { navigate } from './route';

function sentenceAnchor(id: string): string {
  return `sentence-${id}`;
}

export function SourceReader({ document: source, sentence }: { document: SourceDocument; sentence?: string }) {
  useLens((term) => navigate({ view: 'glossary', term }));

  useEffect(() => {
    if (sentence) document.getElementById(sentenceAnchor(sentence))?.scrollIntoView({ block: 'center' });
    else window.scrollTo(0, 0);
  }, [sentence]);

  const text = (ids: string[]) =>
    ids.map((id) => (
      <span key={id} id={sentenceAnchor(id)} class={id === sentence ? 'sentence target' : 'sentence'}>
        {glossary.sentences[id]}
      </span>
    ));

  return (
    <main class="reader">
      <div class="reader-controls" data-jpl-skip>
        {/* A <select>: the lens reads no text inside form controls, so the other headlines are not highlighted. */}
        <label for="reader-source">{i18n.t('glossaryPage.readerSource')}</label>
        <select
          id="reader-source"
          value={source.id}
          onChange={(event) => navigate({ view: 'source', document: event.currentTarget.value })}
        >
          {glossary.documents.map((doc, i) => (
            <option key={doc.id} value={doc.id}>
              {i + 1}. {doc.headline} ({doc.period})
            </option>
          ))}
        </select>
        <span class="muted">{i18n.t('glossaryPage.readerHint')}</span>
      </div>
      <article class="source-text" lang="zh-CN" aria-labelledby="reader-headline">
        <header>
          <h1 id="reader-headline">{source.headline}</h1>
          {source.subheadline ? <p class="subheadline">{source.subheadline}</p> : null}
          <p class="source-meta" lang="en">
            <span lang="zh-CN">{source.outlet}</span> ({source.outletEnglish}) · {source.period}
          </p>
        </header>
        {source.paragraphs.map((paragraph) =>
          paragraph.kind === 'heading' ? (
            <h2 key={paragraph.id}>{text(paragraph.sentences)}</h2>
          ) : (
            <p key={paragraph.id} class={paragraph.kind === 'byline' ? 'byline' : undefined}>
              {text(paragraph.sentences)}
            </p>
          ),
        )}
      </article>
    </main>
  );
}
