import { glossary } from './glossary';
import { SourceList } from './SourceList';

/** For now the options page says where the glossary comes from; settings arrive with their own issue. */
export function Options() {
  return (
    <main>
      <h1>Jiaozuo Policy Lens</h1>
      <p>
        The glossary holds {glossary.entries.length} terms, each traced to the sentences of these{' '}
        {glossary.documents.length} newspaper articles where it appears:
      </p>
      <SourceList documents={glossary.documents} href={(doc) => `glossary.html#source=${encodeURIComponent(doc.id)}`} />
    </main>
  );
}
