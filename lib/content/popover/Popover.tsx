import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ContextView, EntryDetails } from '../../entry-details';
import { formatCount, i18n } from '../../i18n';
import { pinyinTokens, toneless } from '../../pinyin/tones';

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
}

/** How long the card offers to put back a term the reader took off the study list. */
const UNDO_MS = 10_000;

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
  } = props;
  const [contextIndex, setContextIndex] = useState(0);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [isSaved, setSaved] = useState(saved ?? false);
  /** The term was just taken off the study list from this card: it offers to put it back. */
  const [undoable, setUndoable] = useState(false);
  useEffect(() => {
    setContextIndex(0);
    setCopied(null);
    setSaved(saved ?? false);
    setUndoable(false);
  }, [details.term, saved]);
  useEffect(() => {
    if (!undoable) return undefined;
    const timer = setTimeout(() => setUndoable(false), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoable]);
  const toggleSave = (save: boolean) =>
    void onToggleSave?.(save).then((now) => {
      setSaved(now);
      setUndoable(!save && !now);
    });
  const context = details.contexts[contextIndex];
  const count = details.contexts.length;

  return (
    <article class="card" aria-label={`${details.term} — ${details.gloss}`}>
      {previous ? (
        <Action class="back" onAct={() => onOpenEntry(previous)}>
          ← <span lang="zh-CN">{previous}</span>
        </Action>
      ) : null}
      <header>
        <span class="term" lang="zh-CN">
          {details.term}
        </span>
        <span class="pinyin" lang="zh-Latn-pinyin">
          {pinyinTokens(details.pinyin).map((token, i) => (
            <span key={i} class={token.tone ? `tone${token.tone}` : undefined}>
              {pinyinStyle === 'numbers' && token.tone ? `${toneless(token.text)}${token.tone}` : token.text}
            </span>
          ))}
        </span>
      </header>
      <p class="gloss">{details.gloss}</p>
      <p class="explanation">{details.explanation}</p>
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
      <footer>
        {count > 1 ? (
          <nav class="paging" aria-label={i18n.t('popover.contexts')}>
            <Action
              aria-label={i18n.t('popover.previousContext')}
              onAct={() => setContextIndex((contextIndex + count - 1) % count)}
            >
              ‹
            </Action>
            <span aria-live="polite">
              {i18n.t('popover.contextPosition', { index: formatCount(contextIndex + 1), count: formatCount(count) })}
            </span>
            <Action
              aria-label={i18n.t('popover.nextContext')}
              onAct={() => setContextIndex((contextIndex + 1) % count)}
            >
              ›
            </Action>
          </nav>
        ) : (
          <span class="years">{yearsText(details)}</span>
        )}
        <span class="actions">
          {onToggleSave ? (
            <Action
              aria-pressed={isSaved}
              aria-label={
                isSaved
                  ? i18n.t('popover.removeLabel', { term: details.term })
                  : i18n.t('popover.saveLabel', { term: details.term })
              }
              title={isSaved ? i18n.t('popover.savedTitle') : i18n.t('popover.saveTitle')}
              onAct={() => toggleSave(!isSaved)}
            >
              <Icon path={isSaved ? STAR_FILLED : STAR_OUTLINE} />
            </Action>
          ) : null}
          <Action
            aria-label={i18n.t('popover.speakLabel', { term: details.term })}
            title={i18n.t('popover.speakTitle')}
            onAct={() => onSpeak(details.term)}
          >
            <Icon path="M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
          </Action>
          <Action
            aria-label={i18n.t('popover.copyLabel', { term: details.term })}
            title={i18n.t('popover.copyTitle')}
            onAct={() => void onCopy(`${details.term} ${details.pinyin} — ${details.gloss}`).then(setCopied)}
          >
            <Icon
              path={
                copied === null
                  ? 'M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z'
                  : copied
                    ? 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z'
                    : 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z'
              }
            />
          </Action>
          {onOpenGlossary ? (
            <Action
              class="open-glossary"
              aria-label={i18n.t('popover.openInGlossaryLabel', { term: details.term })}
              title={i18n.t('popover.openInGlossaryTitle')}
              onAct={() => onOpenGlossary(details.term)}
            >
              <Icon path="M18 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zM6 4h5v8l-2.5-1.5L6 12V4z" />
            </Action>
          ) : null}
        </span>
      </footer>
      {undoable ? (
        <p class="undo" role="status">
          {i18n.t('popover.removed')}{' '}
          <Action aria-label={i18n.t('popover.undoLabel', { term: details.term })} onAct={() => toggleSave(true)}>
            {i18n.t('popover.undo')}
          </Action>
        </p>
      ) : null}
    </article>
  );
}

/**
 * Every control of the card. Only the reader's own input acts (a click, or Enter or Space on the focused
 * button: the browser marks those trusted); an event a script made (button.click(), dispatchEvent) does nothing,
 * wherever the script found the button.
 */
function Action({
  onAct,
  children,
  ...attributes
}: { onAct(): void; children: ComponentChildren } & Omit<JSX.HTMLAttributes<HTMLButtonElement>, 'onClick'>) {
  return (
    <button type="button" {...attributes} onClick={(event) => event.isTrusted && onAct()}>
      {children}
    </button>
  );
}

const STAR_FILLED = 'M12 17.3 18.2 21l-1.6-7L22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7z';
const STAR_OUTLINE =
  'M22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7 6.2-3.7 6.2 3.7-1.6-7L22 9.2zM12 15.4l-3.8 2.3 1-4.3-3.3-2.9 4.4-.4L12 6.1l1.7 4 4.4.4-3.3 2.9 1 4.3L12 15.4z';

/** A 24×24 icon drawn from one path (no icon font: pages cannot restyle or block it). */
function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={path} fill="currentColor" />
    </svg>
  );
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
