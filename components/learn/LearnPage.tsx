import { useState } from 'preact/hooks';
import { countText, formatCount, i18n } from '../../lib/i18n';
import { dueCards } from '../../lib/learning/scheduling';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { ReviewPanel } from './ReviewPanel';
import { StudyListPanel } from './StudyListPanel';
import { useLearnerData } from './useLearnerData';

const TABS = ['review', 'list', 'history', 'export'] as const;
type Tab = (typeof TABS)[number];
const now = () => new Date();

export function LearnPage() {
  const { state, saveSettings } = useLearnerData();
  const [tab, setTab] = useState<Tab>(() => (TABS.includes(location.hash.slice(1) as Tab) ? (location.hash.slice(1) as Tab) : 'review'));
  if (!state) return <p class="muted">{i18n.t('common.loading')}</p>;
  const labels: Record<Tab, string> = {
    review: i18n.t('learn.reviewTab', { due: formatCount(dueCards(state.cards, now()).length) }),
    list: i18n.t('learn.listTab', { count: formatCount(state.studyList.length) }),
    history: i18n.t('learn.historyTab'),
    export: i18n.t('learn.exportTab'),
  };
  const select = (next: Tab) => {
    setTab(next);
    history.replaceState(null, '', `#${next}`);
  };
  return (
    <main class="learn">
      <h1>{i18n.t('learn.title')}</h1>
      {state.setAside > 0 ? (
        <p role="alert" class="error">
          {countText('learn.setAside', state.setAside)}
        </p>
      ) : null}
      <nav role="tablist" aria-label={i18n.t('learn.tabs')}>
        {TABS.map((t) => (
          <button type="button" role="tab" key={t} id={`tab-${t}`} aria-selected={tab === t} aria-controls="panel" onClick={() => select(t)}>
            {labels[t]}
          </button>
        ))}
      </nav>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'review' ? <ReviewPanel state={state} now={now} /> : null}
        {tab === 'list' ? <StudyListPanel state={state} now={now} /> : null}
        {tab === 'history' ? <HistoryPanel state={state} onSettings={(s) => void saveSettings(s)} /> : null}
        {tab === 'export' ? <ExportPanel state={state} now={now} /> : null}
        {tab === 'review' ? (
          <label class="switch">
            <input
              type="checkbox"
              checked={state.settings.speakOnReveal}
              onChange={(e) => void saveSettings({ ...state.settings, speakOnReveal: e.currentTarget.checked })}
            />
            {i18n.t('learn.speakOnReveal')}
          </label>
        ) : null}
      </div>
    </main>
  );
}
