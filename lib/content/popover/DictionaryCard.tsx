/**
 * The general dictionary's card: a word of the page that is no glossary term, as CC-CEDICT explains it (Zhongwen's
 * card, in the glossary card's shell: the same theme, text size and actions). Small: the word and its other
 * script's form where it differs, each reading with its first senses, the shorter words inside it, and the keys
 * that step through the text. It says where it comes from: a dictionary word is never presented as a Jiaozuo term.
 *
 * DictionarySenses is also the "In the general dictionary" part of a glossary term's card, under More.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DictionaryEntry, DictionaryWord, WordRef } from '../../dictionary-types';
import { countText, fill, i18n } from '../../i18n';
import {
  Action,
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
} from './controls';

export interface DictionaryCardProps {
  /** The words at the point: the longest first, then the shorter ones inside it (dictionary-lookup's answer). */
  words: DictionaryWord[];
  /** The one shown. */
  index: number;
  /** Shows another of the words (the reader picked it in the card). */
  onChoose(index: number): void;
  /** Whether the word is on the study list, and how to change that. */
  saved: boolean;
  onToggleSave(save: boolean): Promise<boolean>;
  onSpeak(text: string): void;
  onCopy(text: string): Promise<boolean>;
  pinyinStyle: 'marks' | 'numbers';
  theme: 'light' | 'dark';
  /** The card's text size in px (the glossary card's setting). */
  fontSize?: number;
}

/** Readings shown at most; the rest are counted. */
const MAX_READINGS = 3;
/** Senses shown of a word's one reading, or of each of its several; the rest are counted. */
const SENSES_OF_ONE = 5;
const SENSES_OF_EACH = 3;
/** How long the card offers to put back a word the reader took off the study list (as the glossary card). */
const UNDO_MS = 10_000;

export function DictionaryCard(props: DictionaryCardProps) {
  const { words, index, onChoose, saved, onToggleSave, onSpeak, onCopy, pinyinStyle, theme, fontSize } = props;
  const word = words[index]!;
  const [copied, setCopied] = useState<boolean | null>(null);
  const [isSaved, setSaved] = useState(saved);
  const [undoable, setUndoable] = useState(false);
  const [voiceNote, setVoiceNote] = useState(false);
  const voice = useVoiceState();
  // One card for every word stepped to: what it says of the last word is forgotten with it.
  useEffect(() => {
    setCopied(null);
    setSaved(saved);
    setUndoable(false);
    setVoiceNote(false);
  }, [word.text, word.start, saved]);
  useEffect(() => {
    if (!undoable) return undefined;
    const timer = setTimeout(() => setUndoable(false), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoable]);
  const toggleSave = (save: boolean) =>
    void onToggleSave(save).then((now) => {
      setSaved(now);
      setUndoable(!save && !now);
    });
  const voiceMissing = voice === 'missing';
  const speak = () => {
    if (voiceMissing) setVoiceNote(true);
    else onSpeak(word.text);
  };
  const entries = readingOrder(word.entries);

  return (
    <article
      class={`card word-card theme-${theme}`}
      style={fontSize ? { fontSize: `${fontSize}px` } : undefined}
      onMouseDown={keepFocus}
    >
      <header>
        <span class="term" lang="zh-CN">
          {word.text}
        </span>
        <OtherForm text={word.text} entries={entries} />
      </header>
      <div class="body">
        <DictionarySenses entries={entries} pinyinStyle={pinyinStyle} />
        {words.length > 1 ? (
          <nav class="inside" aria-label={i18n.t('wordCard.inside')}>
            {words.map((other, i) => (
              <Action key={i} class="part" aria-pressed={i === index} onAct={() => onChoose(i)}>
                <span lang="zh-CN">{other.text}</span>
              </Action>
            ))}
          </nav>
        ) : null}
      </div>
      <footer>
        <span class="actions">
          <Action
            aria-pressed={isSaved}
            aria-label={
              isSaved
                ? i18n.t('popover.removeLabel', { term: word.text })
                : i18n.t('popover.saveLabel', { term: word.text })
            }
            title={isSaved ? i18n.t('popover.savedTitle') : i18n.t('popover.saveTitle')}
            onAct={() => toggleSave(!isSaved)}
          >
            <Icon path={isSaved ? STAR_FILLED : STAR_OUTLINE} />
          </Action>
          <Action
            class={voiceMissing ? 'unavailable' : undefined}
            aria-disabled={voiceMissing ? 'true' : undefined}
            aria-label={
              voiceMissing
                ? i18n.t('popover.speakUnavailableLabel', { term: word.text })
                : i18n.t('popover.speakLabel', { term: word.text })
            }
            title={voiceMissing ? i18n.t('popover.noVoice') : i18n.t('popover.speakTitle')}
            onAct={speak}
          >
            <Icon path={voiceMissing ? SPEAKER_OFF : SPEAKER} />
          </Action>
          <Action
            aria-label={i18n.t('popover.copyLabel', { term: word.text })}
            title={i18n.t('popover.copyTitle')}
            onAct={() => void onCopy(copyText(word.text, entries)).then(setCopied)}
          >
            <Icon path={copied === null ? COPY : copied ? DONE : FAILED} />
          </Action>
        </span>
        <span class="source" title={i18n.t('dictionary.source')}>
          {i18n.t('wordCard.source')}
        </span>
      </footer>
      {undoable ? (
        <p class="note" role="status">
          {i18n.t('popover.removed')}{' '}
          <Action aria-label={i18n.t('popover.undoLabel', { term: word.text })} onAct={() => toggleSave(true)}>
            {i18n.t('popover.undo')}
          </Action>
        </p>
      ) : voiceNote && voiceMissing ? (
        <p class="note" role="status">
          {i18n.t('popover.noVoice')}
        </p>
      ) : (
        <p class="note keys">
          {fill('wordCard.keys', {
            next: <kbd>N</kbd>,
            previous: <kbd>B</kbd>,
            shorter: <kbd>J</kbd>,
            longer: <kbd>K</kbd>,
          })}
        </p>
      )}
    </article>
  );
}

/**
 * A word's readings, each with its pinyin and first senses (the rest counted), measure words and what it is a
 * variant of: the dictionary card's body, and a glossary card's "In the general dictionary".
 */
export function DictionarySenses({
  entries,
  pinyinStyle,
}: {
  entries: readonly DictionaryEntry[];
  pinyinStyle: 'marks' | 'numbers';
}) {
  const shown = entries.slice(0, MAX_READINGS);
  const senses = shown.length === 1 ? SENSES_OF_ONE : SENSES_OF_EACH;
  return (
    <div class="readings">
      {shown.map((entry, i) => (
        <section key={i} class="reading">
          <Pinyin pinyin={entry.pinyin} style={pinyinStyle} />{' '}
          <span class="senses">{entry.senses.slice(0, senses).join('; ')}</span>
          {entry.senses.length > senses ? (
            <span class="more-count"> · {countText('wordCard.moreSenses', entry.senses.length - senses)}</span>
          ) : null}
          {entry.classifiers.length > 0 ? (
            <p class="refs">
              {i18n.t('dictionary.classifiers')} <Refs refs={entry.classifiers} style={pinyinStyle} />
            </p>
          ) : null}
          {entry.variantOf.length > 0 ? (
            <p class="refs">
              {i18n.t('dictionary.variantOf')} <Refs refs={entry.variantOf} style={pinyinStyle} />
            </p>
          ) : null}
        </section>
      ))}
      {entries.length > shown.length ? (
        <p class="more-count">{countText('wordCard.moreReadings', entries.length - shown.length)}</p>
      ) : null}
    </div>
  );
}

/**
 * The entries in the order a reader wants them: CC-CEDICT's, but a proper noun's reading (a surname, a place:
 * capitalised pinyin) after the word's common ones (王: wáng king, before Wáng the surname).
 */
function readingOrder(entries: readonly DictionaryEntry[]): DictionaryEntry[] {
  const isProper = (entry: DictionaryEntry) => /^\p{Lu}/u.test(entry.pinyin);
  return [...entries.filter((entry) => !isProper(entry)), ...entries.filter(isProper)];
}

/** The word's form in the other script, where it differs from the page's: 鏗鏘 beside 铿锵, and back. */
function OtherForm({ text, entries }: { text: string; entries: readonly DictionaryEntry[] }) {
  const entry = entries.find((each) => each.traditional !== each.simplified);
  if (!entry) return null;
  return text === entry.simplified ? (
    <span class="other-form">
      {i18n.t('dictionary.traditional')} <span lang="zh-TW">{entry.traditional}</span>
    </span>
  ) : (
    <span class="other-form">
      {i18n.t('dictionary.simplified')} <span lang="zh-CN">{entry.simplified}</span>
    </span>
  );
}

function Refs({ refs, style }: { refs: WordRef[]; style: 'marks' | 'numbers' }) {
  return (
    <>
      {refs.map((ref, i) => (
        <span key={i}>
          {i > 0 ? '、' : ''}
          <span lang="zh-CN">{ref.simplified}</span> {ref.pinyin ? <Pinyin pinyin={ref.pinyin} style={style} /> : null}
        </span>
      ))}
    </>
  );
}

/** What Copy puts on the clipboard: the word, its readings and their senses, as one line. */
function copyText(text: string, entries: readonly DictionaryEntry[]): string {
  const readings = entries.map((entry) => `${entry.pinyin} ${entry.senses.join('; ')}`.trim());
  return `${text} ${readings.join(' | ')}`;
}
