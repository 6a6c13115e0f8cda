import { countText, i18n } from '../lib/i18n';
import { glossary } from './glossary';
import { SourceList } from './SourceList';

/** For now the options page says where the glossary comes from; settings arrive with their own issue. */
export function Options() {
  return (
    <main>
      <h1>{i18n.t('extension.name')}</h1>
      <p>
        {i18n.t('options.intro', {
          terms: countText('count.terms', glossary.entries.length),
          articles: countText('count.sourceArticles', glossary.documents.length),
        })}
      </p>
      <SourceList documents={glossary.documents} href={(doc) => `glossary.html#source=${encodeURIComponent(doc.id)}`} />
    </main>
  );
}
