/**
 * Speaking Chinese text with the browser's speech synthesis, in a Chinese voice: the system's voices, which the
 * browser lists only after a while (Chromium fires `voiceschanged` once it has asked the system, and never where
 * the system has none). A browser without a Chinese voice would read the characters with another language's
 * voice, or not at all: there the card's Speak is disabled and says why, and the options page tells how to add one.
 */

/** Whether a Chinese voice is there: unknown until the browser has listed its voices (or surely has none). */
export type VoiceState = 'unknown' | 'available' | 'missing';

/** How long after the first question an empty voice list means "no voices" rather than "not listed yet". */
const LISTING_MS = 1500;

let askedAt: number | null = null;

const synthesis = () => (typeof speechSynthesis === 'undefined' ? null : speechSynthesis);

/** The system's Chinese voices, those for mainland China first. */
export function chineseVoices(): SpeechSynthesisVoice[] {
  const voices = synthesis()?.getVoices() ?? [];
  askedAt ??= Date.now();
  const tag = (voice: SpeechSynthesisVoice) => voice.lang.replace('_', '-').toLowerCase();
  const chinese = voices.filter((voice) => /^(zh|cmn)(-|$)/.test(tag(voice)));
  const mainland = (voice: SpeechSynthesisVoice) => /-(cn|hans)(-|$)/.test(tag(voice));
  return [...chinese.filter(mainland), ...chinese.filter((voice) => !mainland(voice))];
}

export function chineseVoiceState(): VoiceState {
  if (!synthesis()) return 'missing';
  if (chineseVoices().length > 0) return 'available';
  const listed = (synthesis()?.getVoices().length ?? 0) > 0;
  return listed || Date.now() - askedAt! >= LISTING_MS ? 'missing' : 'unknown';
}

/** Calls back when the state may have changed (the voices listed, or the wait for them over); returns the stop. */
export function watchVoices(onChange: () => void): () => void {
  const speech = synthesis();
  if (!speech) return () => {};
  chineseVoiceState(); // starts the listing, and the clock
  speech.addEventListener('voiceschanged', onChange);
  const timer = setTimeout(onChange, Math.max(0, askedAt! + LISTING_MS - Date.now()));
  return () => {
    speech.removeEventListener('voiceschanged', onChange);
    clearTimeout(timer);
  };
}

/**
 * Speaks Chinese text in the first Chinese voice; before the voices are listed, in the one the browser picks for
 * zh-CN; with surely none, not at all.
 */
export function speak(text: string): void {
  const speech = synthesis();
  const [voice] = chineseVoices();
  if (!speech || (!voice && chineseVoiceState() === 'missing')) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = voice?.lang ?? 'zh-CN';
  if (voice) utterance.voice = voice;
  speech.cancel();
  speech.speak(utterance);
}
