/** An entry in full: the popover's card, then every context by source document (popup and glossary page). */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GlossaryData } from '../../lib/glossary-types';
import { contextsByDocument } from '../../lib/entry-contexts';
import type { EntryDetails } from '../../lib/entry-details';
import { i18n } from '../../lib/i18n';
import { isSaved, removeTerm, saveTerm } from '../../lib/learning/actions';
import { speak } from '../../lib/speech';
import { ContextsByDocument, type ContextsByDocumentProps } from './ContextsByDocument';
import { EntryCard } from './EntryCard';

export interface EntryDetailProps {
  glossary: GlossaryData;
  details: EntryDetails;
  /** The entry the reader came from through a breakdown link (the card's back link). */
  previous?: string;
  onOpenEntry(term: string): void;
  onOpenGlossary?(term: string): void;
  sourceLink: ContextsByDocumentProps['sourceLink'];
  /** The level of the detail's own headings (its source headlines go one below). */
  headingLevel?: 2 | 3 | 4;
}

export function EntryDetail({
  glossary,
  details,
  previous,
  onOpenEntry,
  onOpenGlossary,
  sourceLink,
  headingLevel = 2,
}: EntryDetailProps) {
  const groups = useMemo(() => contextsByDocument(glossary, details.term), [glossary, details.term]);
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!;
  const [saved, setSaved] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    setSaved(undefined);
    // Unreadable storage: the star stays hidden.
    isSaved(details.term).then(setSaved, (error: unknown) =>
      console.warn('Policy Lens: could not read the study list', error),
    );
  }, [details.term]);
  const toggleSave = async (save: boolean) => {
    try {
      await (save ? saveTerm(details.term, new Date()) : removeTerm(details.term));
    } catch {
      return !save; // not stored: the star keeps its state, and the popup's storage notice says why
    }
    setSaved(save);
    return save;
  };
  return (
    <div class="entry-detail">
      <EntryCard
        details={details}
        previous={previous}
        onOpenEntry={onOpenEntry}
        onSpeak={speak}
        onCopy={copyText}
        onOpenGlossary={onOpenGlossary}
        saved={saved}
        onToggleSave={saved === undefined ? undefined : toggleSave}
      />
      <section class="all-contexts" aria-label={i18n.t('entry.everyContextOf', { term: details.term })}>
        <Heading class="all-contexts-title">{i18n.t('entry.everyContext')}</Heading>
        <ContextsByDocument groups={groups} sourceLink={sourceLink} level={(headingLevel + 1) as 3 | 4 | 5} />
      </section>
    </div>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
