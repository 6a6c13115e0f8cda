/**
 * The rows of the popup's listbox: search results and the terms on the page. They are options of one
 * listbox that the search box drives (arrows move, Enter chooses), so they hold no focusable controls.
 */
import type { ComponentChildren } from 'preact';
import type { DictionaryHit } from '../../lib/dictionary/search';
import type { GlossaryEntry } from '../../lib/glossary-types';
import { countText, fill, formatCount, i18n } from '../../lib/i18n';
import type { SearchHit } from '../../lib/search';

interface OptionProps {
  id: string;
  active: boolean;
  onChoose(): void;
}

/** A click on an option must not take the focus from the search box, which drives the list. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** One option of the listbox: `kind` is its own class beside `option` (and `active`, while it is the active one). */
function Option({
  id,
  active,
  onChoose,
  kind,
  children,
}: OptionProps & { kind?: string; children: ComponentChildren }) {
  const classes = ['option', kind, active ? 'active' : null].filter(Boolean).join(' ');
  return (
    <li id={id} role="option" aria-selected={active} class={classes} onMouseDown={keepFocus} onClick={onChoose}>
      {children}
    </li>
  );
}

export function ResultOption({ id, active, hit, onChoose }: OptionProps & { hit: SearchHit }) {
  const { entry } = hit;
  return (
    <Option id={id} active={active} onChoose={onChoose}>
      <span class="option-line">
        <span class="option-term" lang="zh-CN">
          {entry.term}
        </span>
        <span class="option-pinyin" lang="zh-Latn-pinyin">
          {entry.pinyin}
        </span>
        <span class="option-tag glossary-tag">{i18n.t('popup.glossaryTag')}</span>
      </span>
      <span class="option-gloss">{entry.gloss}</span>
      {hit.alias ? (
        <span class="option-note">{fill('popup.alias', { alias: <span lang="zh-CN">{hit.alias}</span> })}</span>
      ) : hit.field === 'explanation' ? (
        <span class="option-note">{i18n.t('popup.inExplanation')}</span>
      ) : null}
    </Option>
  );
}

/** A word of the general dictionary: tagged as such, so that it is never taken for a glossary term. */
export function DictionaryOption({ id, active, hit, onChoose }: OptionProps & { hit: DictionaryHit }) {
  const { entry } = hit;
  return (
    <Option id={id} active={active} onChoose={onChoose} kind="dictionary-option">
      <span class="option-line">
        <span class="option-term" lang="zh-CN">
          {entry.simplified}
        </span>
        {entry.traditional !== entry.simplified ? (
          <span class="option-term option-other-form" lang="zh-TW">
            {entry.traditional}
          </span>
        ) : null}
        <span class="option-pinyin" lang="zh-Latn-pinyin">
          {entry.pinyin}
        </span>
        <span class="option-tag dictionary-tag">{i18n.t('popup.dictionaryTag')}</span>
      </span>
      <span class="option-gloss">{entry.senses.slice(0, 3).join('; ')}</span>
    </Option>
  );
}

export interface Revealed {
  term: string;
  /** Which occurrence the page shows now, of how many; missing when the page could not show the term. */
  index?: number;
  count?: number;
}

export function PageTermOption({
  id,
  active,
  onChoose,
  term,
  count,
  entry,
  revealed,
  onExplain,
}: OptionProps & {
  term: string;
  count: number;
  entry: GlossaryEntry | undefined;
  revealed: Revealed | null;
  onExplain(): void;
}) {
  return (
    <Option id={id} active={active} onChoose={onChoose} kind="page-term">
      <span class="option-line">
        <span class="option-term" lang="zh-CN">
          {term}
        </span>
        <span class="option-count" aria-label={countText('popup.countOnPage', count)}>
          {revealed?.index !== undefined
            ? `${formatCount(revealed.index)}/${formatCount(revealed.count ?? revealed.index)}`
            : `×${formatCount(count)}`}
        </span>
      </span>
      {entry ? <span class="option-gloss">{entry.gloss}</span> : null}
      {/* A pointer shortcut to the explanation; from the keyboard it is the right arrow (see the hint). */}
      <span
        class="explain"
        aria-hidden="true"
        title={i18n.t('popup.explain')}
        onClick={(event) => {
          event.stopPropagation();
          onExplain();
        }}
      >
        i
      </span>
    </Option>
  );
}
