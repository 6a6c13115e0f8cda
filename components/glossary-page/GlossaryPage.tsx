/**
 * The glossary page (glossary.html): the whole glossary by category with a filter, each entry expandable to
 * its detail (#term=… opens one), and a reader for the five source articles (#source=…).
 */
import { glossary } from '../glossary';
import { GlossaryView } from './GlossaryView';
import { LookupView } from './LookupView';
import { useRoute } from './route';
import { SourceReader } from './SourceReader';

export function GlossaryPage() {
  const route = useRoute();
  const reading = route.view === 'source' ? glossary.documents.find((doc) => doc.id === route.document) : undefined;
  return (
    <div class="glossary-page">
      <header class="page-header">
        <p class="brand">Jiaozuo Policy Lens</p>
        <nav aria-label="Views">
          <a href="#" aria-current={reading ? undefined : 'page'}>
            Glossary
          </a>
          <a href={`#source=${glossary.documents[0]!.id}`} aria-current={reading ? 'page' : undefined}>
            Sources
          </a>
        </nav>
      </header>
      {reading ? (
        <SourceReader key={reading.id} document={reading} sentence={route.view === 'source' ? route.sentence : undefined} />
      ) : route.view === 'lookup' ? (
        <LookupView key={route.text} text={route.text} />
      ) : (
        <GlossaryView focusTerm={route.view === 'glossary' ? route.term : undefined} />
      )}
    </div>
  );
}
