/**
 * Whether the browser can speak Chinese (the card's Speak needs a Chinese voice of the system's), and how to add
 * a voice where it cannot.
 */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '../../lib/i18n';
import { chineseVoiceState, chineseVoices, watchVoices } from '../../lib/speech';

export function SpeechHelp() {
  const [state, setState] = useState(chineseVoiceState);
  useEffect(() => watchVoices(() => setState(chineseVoiceState())), []);
  if (state === 'unknown') return <p class="muted">{i18n.t('options.speech.checking')}</p>;
  if (state === 'available')
    return <p class="speech-status">{i18n.t('options.speech.available', { voice: chineseVoices()[0]!.name })}</p>;
  return (
    <div class="speech-help">
      <p class="speech-status">{i18n.t('options.speech.missing')}</p>
      <ul>
        <li>{i18n.t('options.speech.windows')}</li>
        <li>{i18n.t('options.speech.mac')}</li>
        <li>{i18n.t('options.speech.linux')}</li>
        <li>{i18n.t('options.speech.chromeos')}</li>
      </ul>
      <p class="muted">{i18n.t('options.speech.restart')}</p>
    </div>
  );
}
