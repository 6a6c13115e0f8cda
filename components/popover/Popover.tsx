import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ContextView, EntryDetails } from '../../lib/entry-details';
import { pinyinTokens } from '../../lib/pinyin-tones';

export interface PopoverProps {
  details: EntryDetails;
  /** The entry the reader came from through a breakdown link, to go back to. */
  previous?: string;
  onOpenEntry(term: string): void;
  onSpeak(term: string): void;
  onCopy(text: string): Promise<boolean>;
}

export function Popover({ details, previous, onOpenEntry, onSpeak, onCopy }: PopoverProps) {
  const [contextIndex, setContextIndex] = useState(0);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    setContextIndex(0);
    setCopied(null);
  }, [details.term]);
  const context = details.contexts[contextIndex];
  const count = details.contexts.length;

  return (
    <article class="card" aria-label={`${details.term} — ${details.gloss}`}>
      {previous ? (
        <button type="button" class="back" onClick={() => onOpenEntry(previous)}>
          ← <span lang="zh-CN">{previous}</span>
        </button>
      ) : null}
      <header>
        <span class="term" lang="zh-CN">
          {details.term}
        </span>
        <span class="pinyin" lang="zh-Latn-pinyin">
          {pinyinTokens(details.pinyin).map((token, i) => (
            <span key={i} class={token.tone ? `tone${token.tone}` : undefined}>
              {token.text}
            </span>
          ))}
        </span>
      </header>
      <p class="gloss">{details.gloss}</p>
      <p class="explanation">{details.explanation}</p>
      {details.breakdown.length > 0 ? (
        <section class="breakdown" aria-label="Breaks down into">
          <h3>Breaks down into</h3>
          <ol>
            {details.breakdown.map((part) => (
              <li key={part.term}>
                <button type="button" class="part" onClick={() => onOpenEntry(part.term)}>
                  <span lang="zh-CN">{part.term}</span>
                  <span class="part-gloss">{part.gloss}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {context ? <Context context={context} /> : null}
      <footer>
        {count > 1 ? (
          <nav class="paging" aria-label="Contexts">
            <button type="button" aria-label="Previous context" onClick={() => setContextIndex((contextIndex + count - 1) % count)}>
              ‹
            </button>
            <span aria-live="polite">
              {contextIndex + 1} of {count} contexts
            </span>
            <button type="button" aria-label="Next context" onClick={() => setContextIndex((contextIndex + 1) % count)}>
              ›
            </button>
          </nav>
        ) : (
          <span class="years">{yearsText(details)}</span>
        )}
        <span class="actions">
          <button type="button" aria-label={`Speak ${details.term}`} title="Speak" onClick={() => onSpeak(details.term)}>
            🔊
          </button>
          <button
            type="button"
            aria-label={`Copy ${details.term}`}
            title="Copy"
            onClick={() => void onCopy(`${details.term} ${details.pinyin} — ${details.gloss}`).then(setCopied)}
          >
            {copied === null ? '⧉' : copied ? '✓' : '✗'}
          </button>
        </span>
      </footer>
    </article>
  );
}

function Context({ context }: { context: ContextView }) {
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
      {context.translation ? <p class="translation">{context.translation}</p> : null}
      <figcaption>
        <cite lang="zh-CN">{context.headline}</cite> · <span lang="zh-CN">{context.outlet}</span> · {context.period}
      </figcaption>
    </figure>
  );
}

function yearsText(details: EntryDetails): string {
  return details.firstYear === details.lastYear ? `Used in ${details.firstYear}` : `Used ${details.firstYear}–${details.lastYear}`;
}
