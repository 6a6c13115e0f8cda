import { useState } from 'preact/hooks';
import { dueCards } from '../../lib/learning/scheduling';
import { dismissFault } from '../../lib/learning/store';
import { attempt, useFailedChange } from './attempt';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { RecoveredNotice } from './RecoveredNotice';
import { ReviewPanel } from './ReviewPanel';
import { StudyListPanel } from './StudyListPanel';
import { useLearnerData } from './useLearnerData';

const TABS = ['review', 'list', 'history', 'export'] as const;
type Tab = (typeof TABS)[number];
const now = () => new Date();

export function LearnPage() {
  const { state, loadError, saveSettings } = useLearnerData();
  const [failedChange, dismissFailedChange] = useFailedChange();
  const [tab, setTab] = useState<Tab>(() => (TABS.includes(location.hash.slice(1) as Tab) ? (location.hash.slice(1) as Tab) : 'review'));
  if (!state) return loadError ? <p role="alert" class="error">{loadError}</p> : <p class="muted">Loading…</p>;
  // A change that failed here, or (noted in session storage) in the popover or the background.
  const fault = state.fault && state.fault.message !== failedChange ? state.fault.message : null;
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
      {failedChange ? (
        <p role="alert" class="error notice">
          {failedChange}{' '}
          <button type="button" onClick={dismissFailedChange}>
            Dismiss
          </button>
        </p>
      ) : null}
      {fault ? (
        <p role="alert" class="error notice">
          {fault}{' '}
          <button type="button" onClick={() => attempt(dismissFault())}>
            Dismiss
          </button>
        </p>
      ) : null}
      {state.recovered.length > 0 ? <RecoveredNotice recovered={state.recovered} now={now} /> : null}
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
        {tab === 'history' ? <HistoryPanel state={state} onSettings={(s) => attempt(saveSettings(s))} /> : null}
        {tab === 'export' ? <ExportPanel state={state} now={now} /> : null}
        {tab === 'review' ? (
          <label class="switch">
            <input
              type="checkbox"
              checked={state.settings.speakOnReveal}
              onChange={(e) => attempt(saveSettings({ ...state.settings, speakOnReveal: e.currentTarget.checked }))}
            />
            Speak the term when I reveal a card
          </label>
        ) : null}
      </div>
    </main>
  );
}
