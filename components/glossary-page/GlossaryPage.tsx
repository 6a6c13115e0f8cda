/**
 * The glossary page (glossary.html): the whole glossary by category with a filter, each entry expandable to
 * its detail (#term=… opens one), and a reader for the five source articles (#source=…).
 */
import { i18n } from '../../lib/i18n';
import { glossary } from '../../lib/glossary';
import { GlossaryView } from './GlossaryView';
import { LookupView } from './LookupView';
import { useRoute } from './route';
import { SourceReader } from './SourceReader';

export function GlossaryPage() {
  const route = useRoute();
  const reading = route.view === 'source' ? glossary.documents.find((doc) => doc.id === route.document) : undefined;
  return (
    <div class="glossary-page">
      {/* The page's own words are not part of a source: the reader's lens leaves them alone. */}
      <header class="page-header" data-jpl-skip>
        <p class="brand">{i18n.t('extension.name')}</p>
        <nav aria-label={i18n.t('glossaryPage.views')}>
          <a href="#" aria-current={reading ? undefined : 'page'}>
            {i18n.t('glossaryPage.glossary')}
          </a>
          <a href={`#source=${glossary.documents[0]!.id}`} aria-current={reading ? 'page' : undefined}>
            {i18n.t('glossaryPage.sources')}
          </a>
        </nav>
      </header>
      {reading ? (
        <SourceReader
          key={reading.id}
          document={reading}
          sentence={route.view === 'source' ? route.sentence : undefined}
        />
      ) : route.view === 'lookup' ? (
        <LookupView key={route.text} text={route.text} />
      ) : (
        <GlossaryView focusTerm={route.view === 'glossary' ? route.term : undefined} />
      )}
    </div>
  );
}
