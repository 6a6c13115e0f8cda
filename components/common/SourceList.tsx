import type { SourceDocument } from '../../lib/glossary-types';

/** The five source articles with what the texts confirm about them, each linking to its reader. */
export function SourceList({
  documents,
  href,
}: {
  documents: readonly SourceDocument[];
  href: (doc: SourceDocument) => string;
}) {
  return (
    <ol class="source-list">
      {documents.map((doc) => (
        <li key={doc.id}>
          <a href={href(doc)}>
            <cite lang="zh-CN">{doc.headline}</cite>
          </a>
          {doc.subheadline ? <span lang="zh-CN"> —— {doc.subheadline}</span> : null}
          <div class="muted">
            <span lang="zh-CN">{doc.outlet}</span> ({doc.outletEnglish}), {doc.period}
          </div>
        </li>
      ))}
    </ol>
  );
}
