/**
 * The card that explains a glossary term, in two layers. The first view is what a reader glancing at a term
 * wants, and stays small (about 200 px at the default size): the term, its pinyin, its English name, the start of
 * its explanation, and the actions (save, speak, copy, open in the glossary), which are always in view. "More"
 * (the control, or M) opens the rest in the same card: the whole explanation, the parts the term breaks down
 * into, the source sentences with their translation and document, the years it was used in. The card then grows
 * as far as there is room, and its middle scrolls between the term and the actions.
 *
 * The same card is embedded in our own pages (components/entry/EntryCard.tsx), where it shows everything at once.
 * Render it with the term as its key: its state (the context shown, the undo offer) is that entry's.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DictionaryEntry } from '../../dictionary-types';
import type { ContextView, EntryDetails } from '../../entry-details';
import { formatCount, i18n } from '../../i18n';
import type { CardView } from '../../settings';
import {
  Action,
  BOOK,
  CHEVRON_DOWN,
  CHEVRON_UP,
  COPY,
  DONE,
  FAILED,
  Icon,
  keepFocus,
  Pinyin,
  SPEAKER,
  SPEAKER_OFF,
  STAR_FILLED,
  STAR_OUTLINE,
  useVoiceState,
  wrapFocus,
} from './controls';
import { DictionarySenses } from './DictionaryCard';

export interface PopoverProps {
  details: EntryDetails;
  /** The entry the reader came from through a breakdown link, to go back to. */
  previous?: string;
  onOpenEntry(term: string): void;
  onSpeak(term: string): void;
  onCopy(text: string): Promise<boolean>;
  /** Shows the entry on the glossary page; no button without it (on the glossary page itself). */
  onOpenGlossary?(term: string): void;
  /** Whether the term is on the study list, and how to change that (no button without it). */
  saved?: boolean;
  onToggleSave?(save: boolean): Promise<boolean>;
  /** Pinyin with tone marks (jiāo zuò, the default) or tone numbers (jiao1 zuo4). */
  pinyinStyle?: 'marks' | 'numbers';
  /** The English translation under the source sentence (default: shown). */
  showTranslation?: boolean;
  /** What the card shows when it opens (default: everything). */
  view?: CardView;
  /** The reader chose the other view (More, Less); without it the card has no More and shows everything. */
  onViewChange?(view: CardView): void;
  theme: 'light' | 'dark';
  /** The card's text size in px (default: the stylesheet's 14). */
  fontSize?: number;
  /**
   * Takes the term off the page's marks (it is still explained when pointed at), or marks it again; false when
   * that could not be stored. No control without it (our own pages mark nothing).
   */
  onSetMarked?(marked: boolean): Promise<boolean>;
  /** Floating over a web page: Tab goes round the card's controls (the card is not in the page's order). */
  floating?: boolean;
  /**
   * The general dictionary's entries for the term, asked for when the card first shows its More part (where they
   * are shown, under the glossary's own explanation); none without it.
   */
  loadDictionary?(): Promise<DictionaryEntry[]>;
}

/** How long the card offers to put back a term the reader took off the study list. */
const UNDO_MS = 10_000;
/** The keys of the card's actions, while the card has the focus (written as keyboards print them). */
const KEYS = { save: 'S', speak: 'P', copy: 'C', glossary: 'G', more: 'M' } as const;

export function Popover(props: PopoverProps) {
  const {
    details,
    previous,
    onOpenEntry,
    onSpeak,
    onCopy,
    onOpenGlossary,
    saved,
    onToggleSave,
    pinyinStyle = 'marks',
    showTranslation = true,
    view = 'full',
    onViewChange,
    theme,
    fontSize,
    floating = false,
    onSetMarked,
    loadDictionary,
  } = props;
  const [contextIndex, setContextIndex] = useState(0);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [isSaved, setSaved] = useState(saved ?? false);
  /** The term was just taken off the study list from this card: it offers to put it back. */
  const [undoable, setUndoable] = useState(false);
  /** Speak was asked for without a Chinese voice: the card says why nothing is heard. */
  const [voiceNote, setVoiceNote] = useState(false);
  const [expanded, setExpanded] = useState(view === 'full');
  /** The reader's last choice of marking from this card, and whether it was stored. */
  const [marking, setMarking] = useState<{ marked: boolean; stored: boolean } | null>(null);
  const voice = useVoiceState();
  const card = useRef<HTMLElement>(null);
  // Rendered with the term as its key (one card per entry: a breakdown link starts afresh); the study list's
  // answer may come after the first render.
  useEffect(() => setSaved(saved ?? false), [saved]);
  useEffect(() => {
    if (!undoable) return undefined;
    const timer = setTimeout(() => setUndoable(false), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoable]);

  const layered = onViewChange !== undefined;
  const showAll = !layered || expanded;
  const dictionary = useDictionary(showAll ? loadDictionary : undefined);
  const count = details.contexts.length;
  const context = details.contexts[contextIndex];

  const toggleSave = () => {
    if (!onToggleSave) return;
    const save = !isSaved;
    void onToggleSave(save).then((now) => {
      setSaved(now);
      setUndoable(!save && !now);
    });
  };
  const speak = () => {
    if (voice === 'missing') setVoiceNote(true);
    else onSpeak(details.term);
  };
  const copy = () => void onCopy(`${details.term} ${details.pinyin} — ${details.gloss}`).then(setCopied);
  const setMarked = (marked: boolean) =>
    void onSetMarked?.(marked)
      .catch(() => false)
      .then((stored) => setMarking({ marked, stored }));
  const setView = (next: CardView) => {
    setExpanded(next === 'full');
    onViewChange?.(next);
  };
  const stepContext = (by: 1 | -1) => {
    if (count < 2) return;
    if (layered && !expanded) setView('full');
    setContextIndex((contextIndex + by + count) % count);
  };

  /** The card's keys, while it has the focus (it takes it when the reader stepped to the term). */
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (event.key === 'Tab') {
      if (floating && wrapFocus(card.current!, event.shiftKey)) event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const act = {
      [KEYS.save]: onToggleSave ? toggleSave : null,
      [KEYS.speak]: speak,
      [KEYS.copy]: copy,
      [KEYS.glossary]: onOpenGlossary ? () => onOpenGlossary(details.term) : null,
      [KEYS.more]: layered ? () => setView(expanded ? 'compact' : 'full') : null,
      ArrowLeft: count > 1 ? () => stepContext(-1) : null,
      ArrowRight: count > 1 ? () => stepContext(1) : null,
    }[event.key.length === 1 ? event.key.toUpperCase() : event.key];
    if (!act) return;
    // The page's own shortcuts must not act on the reader's keys in our card.
    event.preventDefault();
    event.stopPropagation();
    act();
  };

  const withKey = (action: string, key: string) => i18n.t('popover.withKey', { action, key });
  const voiceMissing = voice === 'missing';
  return (
    <article
      ref={card}
      class={`card theme-${theme}${layered ? (expanded ? ' more' : ' compact') : ''}`}
      style={fontSize ? { fontSize: `${fontSize}px` } : undefined}
      aria-label={`${details.term} — ${details.gloss}`}
      onKeyDown={onKeyDown}
      onMouseDown={floating ? keepFocus : undefined}
    >
      {previous ? (
        <Action class="back" onAct={() => onOpenEntry(previous)}>
          ← <span lang="zh-CN">{previous}</span>
        </Action>
      ) : null}
      <header>
        <span class={details.term.length > 8 ? 'term long' : 'term'} lang="zh-CN">
          {details.term}
        </span>
        <Pinyin pinyin={details.pinyin} style={pinyinStyle} />
      </header>
      <div class="body">
        <p class="gloss">{details.gloss}</p>
        <p class="explanation">{details.explanation}</p>
        {showAll ? (
          <div class="more-layer">
            {details.breakdown.length > 0 ? (
              <section class="breakdown" aria-label={i18n.t('popover.breaksDownInto')}>
                <h3>{i18n.t('popover.breaksDownInto')}</h3>
                <ol>
                  {details.breakdown.map((part) => (
                    <li key={part.term}>
                      <Action class="part" title={part.gloss} onAct={() => onOpenEntry(part.term)}>
                        <span lang="zh-CN">{part.term}</span>
                        <span class="part-gloss">{part.gloss}</span>
                      </Action>
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
            {context ? <Context context={context} showTranslation={showTranslation} /> : null}
            <div class="context-footer">
              {count > 1 ? (
                <nav class="paging" aria-label={i18n.t('popover.contexts')}>
                  <Action
                    aria-label={i18n.t('popover.previousContext')}
                    aria-keyshortcuts="ArrowLeft"
                    onAct={() => stepContext(-1)}
                  >
                    ‹
                  </Action>
                  <span aria-live="polite">
                    {i18n.t('popover.contextPosition', {
                      index: formatCount(contextIndex + 1),
                      count: formatCount(count),
                    })}
                  </span>
                  <Action
                    aria-label={i18n.t('popover.nextContext')}
                    aria-keyshortcuts="ArrowRight"
                    onAct={() => stepContext(1)}
                  >
                    ›
                  </Action>
                </nav>
              ) : null}
              <span class="years">{yearsText(details)}</span>
            </div>
            {dictionary.length > 0 ? (
              <section class="in-dictionary" aria-label={i18n.t('popover.inDictionary')}>
                <h3>{i18n.t('popover.inDictionary')}</h3>
                <DictionarySenses entries={dictionary} pinyinStyle={pinyinStyle} />
              </section>
            ) : null}
            {onSetMarked && !(marking?.stored && !marking.marked) ? (
              <p class="marking">
                <Action class="link" onAct={() => setMarked(false)}>
                  {i18n.t('popover.unmark')}
                </Action>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <footer>
        <span class="actions">
          {onToggleSave ? (
            <Action
              aria-pressed={isSaved}
              aria-keyshortcuts={KEYS.save}
              aria-label={
                isSaved
                  ? i18n.t('popover.removeLabel', { term: details.term })
                  : i18n.t('popover.saveLabel', { term: details.term })
              }
              title={withKey(isSaved ? i18n.t('popover.savedTitle') : i18n.t('popover.saveTitle'), KEYS.save)}
              onAct={toggleSave}
            >
              <Icon path={isSaved ? STAR_FILLED : STAR_OUTLINE} />
            </Action>
          ) : null}
          <Action
            class={voiceMissing ? 'unavailable' : undefined}
            aria-disabled={voiceMissing ? 'true' : undefined}
            aria-keyshortcuts={KEYS.speak}
            aria-label={
              voiceMissing
                ? i18n.t('popover.speakUnavailableLabel', { term: details.term })
                : i18n.t('popover.speakLabel', { term: details.term })
            }
            title={voiceMissing ? i18n.t('popover.noVoice') : withKey(i18n.t('popover.speakTitle'), KEYS.speak)}
            onAct={speak}
          >
            <Icon path={voiceMissing ? SPEAKER_OFF : SPEAKER} />
          </Action>
          <Action
            aria-keyshortcuts={KEYS.copy}
            aria-label={i18n.t('popover.copyLabel', { term: details.term })}
            title={withKey(i18n.t('popover.copyTitle'), KEYS.copy)}
            onAct={copy}
          >
            <Icon path={copied === null ? COPY : copied ? DONE : FAILED} />
          </Action>
          {onOpenGlossary ? (
            <Action
              class="open-glossary"
              aria-keyshortcuts={KEYS.glossary}
              aria-label={i18n.t('popover.openInGlossaryLabel', { term: details.term })}
              title={withKey(i18n.t('popover.openInGlossaryTitle'), KEYS.glossary)}
              onAct={() => onOpenGlossary(details.term)}
            >
              <Icon path={BOOK} />
            </Action>
          ) : null}
        </span>
        {layered ? (
          <Action
            class="more-toggle"
            aria-expanded={expanded}
            aria-keyshortcuts={KEYS.more}
            title={withKey(expanded ? i18n.t('popover.lessTitle') : i18n.t('popover.moreTitle'), KEYS.more)}
            onAct={() => setView(expanded ? 'compact' : 'full')}
          >
            {expanded ? i18n.t('popover.less') : i18n.t('popover.more')}
            <Icon path={expanded ? CHEVRON_UP : CHEVRON_DOWN} />
          </Action>
        ) : null}
      </footer>
      {undoable ? (
        <p class="note" role="status">
          {i18n.t('popover.removed')}{' '}
          <Action aria-label={i18n.t('popover.undoLabel', { term: details.term })} onAct={() => toggleSave()}>
            {i18n.t('popover.undo')}
          </Action>
        </p>
      ) : marking && !marking.marked ? (
        <p class="note" role="status">
          {marking.stored ? (
            <>
              {i18n.t('popover.unmarked')}{' '}
              <Action
                aria-label={i18n.t('popover.markAgainLabel', { term: details.term })}
                onAct={() => setMarked(true)}
              >
                {i18n.t('popover.undo')}
              </Action>
            </>
          ) : (
            i18n.t('popover.unmarkFailed')
          )}
        </p>
      ) : voiceNote && voiceMissing ? (
        <p class="note" role="status">
          {i18n.t('popover.noVoice')}
        </p>
      ) : null}
    </article>
  );
}

/** The dictionary's entries, once `load` (given while they are wanted) has answered; asked for once a card. */
function useDictionary(load: (() => Promise<DictionaryEntry[]>) | undefined): DictionaryEntry[] {
  const [entries, setEntries] = useState<DictionaryEntry[] | null>(null);
  const wanted = load !== undefined;
  useEffect(() => {
    if (!load || entries !== null) return undefined;
    let current = true;
    void load().then(
      (found) => current && setEntries(found),
      () => current && setEntries([]),
    );
    return () => {
      current = false;
    };
    // Asked for when first wanted, not again for each render (the lens gives a new loader with its props).
  }, [wanted]);
  return entries ?? [];
}

function Context({ context, showTranslation }: { context: ContextView; showTranslation: boolean }) {
  const pieces: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of context.marks) {
    pieces.push(context.text.slice(at, start), <mark key={start}>{context.text.slice(start, end)}</mark>);
    at = end;
  }
  pieces.push(context.text.slice(at));
  return (
    <figure class="context">
      <blockquote lang="zh-CN">{pieces}</blockquote>
      {showTranslation && context.translation ? <p class="translation">{context.translation}</p> : null}
      <figcaption>
        <cite lang="zh-CN">{context.headline}</cite> · <span lang="zh-CN">{context.outlet}</span> · {context.period}
      </figcaption>
    </figure>
  );
}

function yearsText(details: EntryDetails): string {
  return details.firstYear === details.lastYear
    ? i18n.t('popover.usedIn', { year: details.firstYear })
    : i18n.t('popover.usedFromTo', { first: details.firstYear, last: details.lastYear });
}
