import { glossary } from './glossary';

/** For now the options page says where the glossary comes from; settings arrive with their own issue. */
export function Options() {
  return (
    <main>
      <h1>Jiaozuo Policy Lens</h1>
      <p>
        The glossary holds {glossary.entries.length} terms, each traced to the sentences of these{' '}
        {glossary.documents.length} newspaper articles where it appears:
      </p>
      <ol class="sources">
        {glossary.documents.map((doc) => (
          <li key={doc.id}>
            <cite lang="zh-CN">{doc.headline}</cite>
            {doc.subheadline ? <span lang="zh-CN"> —— {doc.subheadline}</span> : null}
            <div class="muted">
              <span lang="zh-CN">{doc.outlet}</span> ({doc.outletEnglish}), {doc.period}
            </div>
          </li>
        ))}
      </ol>
    </main>
  );
}
