/** Every sentence an entry appears in, grouped by source document, the entry emphasised in each. */
import type { ComponentChildren } from 'preact';
import type { DocumentContexts, SentenceContext } from '../../lib/entry-contexts';
import { countText, i18n } from '../../lib/i18n';

export interface ContextsByDocumentProps {
  groups: DocumentContexts[];
  /** Where "Read in source" leads: the glossary page's reader at that sentence. */
  sourceLink(documentId: string, sentenceId: string): { href: string; target?: string };
  /** Heading level of each document's headline (the list itself is titled by the caller). */
  level?: 3 | 4 | 5;
}

export function ContextsByDocument({ groups, sourceLink, level = 3 }: ContextsByDocumentProps) {
  const count = groups.reduce((sum, group) => sum + group.sentences.length, 0);
  const Heading = (['h3', 'h4', 'h5'] as const)[level - 3]!;
  return (
    <div class="contexts-by-document">
      <p class="contexts-count">
        {i18n.t('entry.sentencesInSources', {
          sentences: countText('count.sentences', count),
          sources: countText('count.sources', groups.length),
        })}
      </p>
      {groups.map(({ document, sentences }) => (
        <section key={document.id} class="source-group" aria-label={`${document.headline}, ${document.period}`}>
          <Heading class="source-headline">
            <cite lang="zh-CN">{document.headline}</cite>
          </Heading>
          <p class="source-meta">
            <span lang="zh-CN">{document.outlet}</span> · {document.period}
          </p>
          <ol class="source-sentences">
            {sentences.map((sentence) => (
              <li key={sentence.id}>
                <blockquote lang="zh-CN">{withMarks(sentence)}</blockquote>
                <a class="read-in-source" {...sourceLink(document.id, sentence.id)}>
                  {i18n.t('entry.readInSource')}
                </a>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function withMarks({ text, marks }: Pick<SentenceContext, 'text' | 'marks'>): ComponentChildren[] {
  const pieces: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    pieces.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  pieces.push(text.slice(at));
  return pieces;
}
