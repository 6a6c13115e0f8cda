import { useState } from 'preact/hooks';
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
  if (!state) return <p class="muted">Loading…</p>;
  const labels: Record<Tab, string> = {
    review: `Review (${dueCards(state.cards, now()).length} due)`,
    list: `Study list (${state.studyList.length})`,
    history: 'Where I met them',
    export: 'Export and backup',
  };
  const select = (next: Tab) => {
    setTab(next);
    history.replaceState(null, '', `#${next}`);
  };
  return (
    <main class="learn">
      <h1>Learn — Jiaozuo Policy Lens</h1>
      {state.setAside > 0 ? (
        <p role="alert" class="error">
          {state.setAside} damaged stored item{state.setAside === 1 ? ' was' : 's were'} set aside and kept; everything else loaded.
        </p>
      ) : null}
      <nav role="tablist" aria-label="Learn">
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
            Speak the term when I reveal a card
          </label>
        ) : null}
      </div>
    </main>
  );
}
