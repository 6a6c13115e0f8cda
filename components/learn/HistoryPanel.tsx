import { eraseHistory } from '../../lib/learning/actions';
import type { LearningSettings } from '../../lib/learning/settings';
import { attempt } from './attempt';
import type { LearnerState } from './useLearnerData';

export function HistoryPanel({ state, onSettings }: { state: LearnerState; onSettings: (s: LearningSettings) => void }) {
  const { settings } = state;
  const byTerm = new Map<string, LearnerState['history']>();
  for (const encounter of [...state.history].reverse()) byTerm.set(encounter.term, [...(byTerm.get(encounter.term) ?? []), encounter]);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Where I met them</h2>
      <p class="muted">Kept on this device only, at most 20 sightings a term and 2,000 in all.</p>
      <label class="switch">
        <input type="checkbox" checked={settings.historyEnabled} onChange={(e) => onSettings({ ...settings, historyEnabled: e.currentTarget.checked })} />
        Keep where I meet my saved terms on the web
      </label>
      <label class="switch">
        <input
          type="checkbox"
          disabled={!settings.historyEnabled}
          checked={settings.historyAllTerms}
          onChange={(e) => onSettings({ ...settings, historyAllTerms: e.currentTarget.checked })}
        />
        …and every glossary term, not only saved ones
      </label>
      <p>
        <button type="button" disabled={state.history.length === 0} onClick={() => attempt(eraseHistory())}>
          Erase the history ({state.history.length})
        </button>
      </p>
      {[...byTerm].map(([term, encounters]) => (
        <details key={term}>
          <summary>
            <span lang="zh-CN">{term}</span> <span class="muted">×{encounters.length}</span>
          </summary>
          <ul>
            {encounters.map((e) => (
              <li key={`${e.at}${e.url}`}>
                <q lang="zh-CN">{e.sentence}</q>
                <div class="muted">
                  <a href={e.url} target="_blank" rel="noreferrer">
                    {e.title || e.url}
                  </a>{' '}
                  · {new Date(e.at).toLocaleString()}
                </div>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
