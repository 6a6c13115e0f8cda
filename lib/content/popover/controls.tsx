/**
 * What the cards share (Popover.tsx, the glossary's; DictionaryCard.tsx, the dictionary's): their controls, which
 * act on the reader's own input only, the pinyin, the focus rules of a floating card, and the icons.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { pinyinTokens, toneless } from '../../pinyin/tones';
import { chineseVoiceState, watchVoices, type VoiceState } from '../../speech';

/**
 * Every control of a card. Only the reader's own input acts (a click, or Enter or Space on the focused
 * button: the browser marks those trusted); an event a script made (button.click(), dispatchEvent) does nothing,
 * wherever the script found the button.
 */
export function Action({
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

/**
 * Pinyin as the reader chose it, tone marks (kēng qiāng) or numbers (keng1 qiang1), each syllable classed by its
 * tone for the tone colours (popover.css).
 */
export function Pinyin({ pinyin, style }: { pinyin: string; style: 'marks' | 'numbers' }) {
  return (
    <span class="pinyin" lang="zh-Latn-pinyin">
      {pinyinTokens(pinyin).map((token, i) => (
        <span key={i} class={token.tone ? `tone${token.tone}` : undefined}>
          {style === 'numbers' && token.tone ? `${toneless(token.text)}${token.tone}` : token.text}
        </span>
      ))}
    </span>
  );
}

/** Whether the browser has a Chinese voice, following its list of voices as it comes. */
export function useVoiceState(): VoiceState {
  const [state, setState] = useState<VoiceState>(chineseVoiceState);
  useEffect(() => watchVoices(() => setState(chineseVoiceState())), []);
  return state;
}

/**
 * A click on a control of a floating card that does not have the focus leaves the focus where it is: in what the
 * reader is typing into, say. (Text in the card can still be selected.)
 */
export function keepFocus(event: MouseEvent) {
  const card = event.currentTarget as HTMLElement;
  const root = card.getRootNode() as ShadowRoot | Document;
  if (!card.contains(root.activeElement) && (event.target as Element).closest('button')) event.preventDefault();
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last; true when it did. */
export function wrapFocus(card: HTMLElement, backwards: boolean): boolean {
  const controls = [...card.querySelectorAll<HTMLElement>('button')];
  const here = (card.getRootNode() as ShadowRoot | Document).activeElement;
  const [first, last] = [controls[0], controls[controls.length - 1]];
  const target = backwards ? (here === first || here === card ? last : null) : here === last ? first : null;
  target?.focus();
  return target !== null && target !== undefined;
}

/** A 24×24 icon drawn from one path (no icon font: pages cannot restyle or block it). */
export function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={path} fill="currentColor" />
    </svg>
  );
}

export const STAR_FILLED = 'M12 17.3 18.2 21l-1.6-7L22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7z';
export const STAR_OUTLINE =
  'M22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7 6.2-3.7 6.2 3.7-1.6-7L22 9.2zM12 15.4l-3.8 2.3 1-4.3-3.3-2.9 4.4-.4L12 6.1l1.7 4 4.4.4-3.3 2.9 1 4.3L12 15.4z';
export const SPEAKER =
  'M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z';
export const SPEAKER_OFF =
  'M16.5 12c0-1.77-1.02-3.29-2.5-4.03v2.21l2.45 2.45c.03-.2.05-.41.05-.63zm2.5 0c0 .94-.2 1.82-.54 2.64l1.51 1.51A8.8 8.8 0 0 0 21 12c0-4.28-2.99-7.86-7-8.77v2.06c2.89.86 5 3.54 5 6.71zM4.27 3 3 4.27 7.73 9H3v6h4l5 5v-6.73l4.25 4.25c-.67.52-1.42.93-2.25 1.18v2.06a8.99 8.99 0 0 0 3.69-1.81L19.73 21 21 19.73l-9-9L4.27 3zM12 4 9.91 6.09 12 8.18V4z';
export const COPY =
  'M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z';
export const DONE = 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z';
export const FAILED = 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z';
export const BOOK = 'M18 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zM6 4h5v8l-2.5-1.5L6 12V4z';
export const CHEVRON_DOWN = 'M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z';
export const CHEVRON_UP = 'M7.4 15.4 12 10.8l4.6 4.6L18 14l-6-6-6 6z';
