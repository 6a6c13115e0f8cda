import { formatCount, i18n, messagesLanguage } from '../../lib/i18n';
import { eraseHistory } from '../../lib/learning/actions';
import { isWebAddress } from '../../lib/learning/history';
import type { LearningSettings } from '../../lib/settings';
import { Toggle } from '../common/Toggle';
import { attempt } from './attempt';
import type { LearnerState } from './useLearnerData';

export function HistoryPanel({
  state,
  onSettings,
}: {
  state: LearnerState;
  onSettings: (change: Partial<LearningSettings>) => void;
}) {
  const { settings } = state;
  const byTerm = new Map<string, LearnerState['history']>();
  for (const encounter of [...state.history].reverse())
    byTerm.set(encounter.term, [...(byTerm.get(encounter.term) ?? []), encounter]);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{i18n.t('history.heading')}</h2>
      <p class="muted">{i18n.t('history.note')}</p>
      <Toggle checked={settings.historyEnabled} onChange={(historyEnabled) => onSettings({ historyEnabled })}>
        {i18n.t('history.keep')}
      </Toggle>
      <Toggle
        checked={settings.historyAllTerms}
        disabled={!settings.historyEnabled}
        onChange={(historyAllTerms) => onSettings({ historyAllTerms })}
      >
        {i18n.t('history.allTerms')}
      </Toggle>
      <p>
        <button type="button" disabled={state.history.length === 0} onClick={() => attempt(eraseHistory())}>
          {i18n.t('history.erase', { count: formatCount(state.history.length) })}
        </button>
      </p>
      {[...byTerm].map(([term, encounters]) => (
        <details key={term}>
          <summary>
            <span lang="zh-CN">{term}</span> <span class="muted">×{formatCount(encounters.length)}</span>
          </summary>
          <ul>
            {encounters.map((e) => (
              <li key={`${e.at}${e.url}`}>
                {/* Text from web pages is isolated (<bdi>): its direction cannot spill into ours. */}
                <q lang="zh-CN">
                  <bdi>{e.sentence}</bdi>
                </q>
                <div class="muted">
                  {isWebAddress(e.url) ? (
                    <a href={e.url} target="_blank" rel="noreferrer">
                      <bdi>{e.title || e.url}</bdi>
                    </a>
                  ) : (
                    <bdi>{e.title || e.url}</bdi>
                  )}{' '}
                  · {new Date(e.at).toLocaleString(messagesLanguage())}
                </div>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
