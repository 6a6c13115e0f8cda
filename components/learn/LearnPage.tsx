import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatCount, i18n } from '../../lib/i18n';
import { dismissFault } from '../../lib/storage/faults';
import { faultText } from '../common/fault-text';
import { Toggle } from '../common/Toggle';
import { attempt, useFailedChange } from './attempt';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { RecoveredNotice } from './RecoveredNotice';
import { ReviewPanel, toReview, useAnswers } from './ReviewPanel';
import { StudyListPanel } from './StudyListPanel';
import { useLearnerData } from './useLearnerData';

const TABS = ['review', 'list', 'history', 'export'] as const;
type Tab = (typeof TABS)[number];
const now = () => new Date();

export function LearnPage() {
  const { state, loadError, saveSettings } = useLearnerData();
  const [failedChange, dismissFailedChange] = useFailedChange();
  const answers = useAnswers();
  const [tab, setTab] = useState<Tab>(() =>
    TABS.includes(location.hash.slice(1) as Tab) ? (location.hash.slice(1) as Tab) : 'review',
  );
  const header = (
    <header class="learn-header">
      <h1>{i18n.t('learn.heading')}</h1>
      <nav aria-label={i18n.t('learn.otherPages')}>
        <a href={browser.runtime.getURL('/glossary.html')}>{i18n.t('learn.glossaryLink')}</a>
        <a href={browser.runtime.getURL('/options.html')}>{i18n.t('learn.settingsLink')}</a>
      </nav>
    </header>
  );
  if (!state)
    return (
      <main class="learn-page">
        {header}
        {loadError ? (
          <p role="alert" class="error">
            {loadError}
          </p>
        ) : (
          <p class="muted">{i18n.t('common.loading')}</p>
        )}
      </main>
    );
  // A change that failed here, or (noted in session storage) in the popover or the background: told once.
  const noted = state.fault ? faultText(state.fault) : null;
  const fault = noted !== failedChange ? noted : null;
  const labels: Record<Tab, string> = {
    review: i18n.t('learn.reviewTab', { due: formatCount(toReview(state, now()).due.length) }),
    list: i18n.t('learn.listTab', { count: formatCount(state.studyList.length) }),
    history: i18n.t('learn.historyTab'),
    export: i18n.t('learn.exportTab'),
  };
  const select = (next: Tab) => {
    setTab(next);
    history.replaceState(null, '', `#${next}`);
  };
  return (
    <main class="learn-page">
      {header}
      {failedChange ? (
        <p role="alert" class="error notice">
          {failedChange}{' '}
          <button type="button" onClick={dismissFailedChange}>
            {i18n.t('common.dismiss')}
          </button>
        </p>
      ) : null}
      {fault ? (
        <p role="alert" class="error notice">
          {fault}{' '}
          <button type="button" onClick={() => attempt(dismissFault())}>
            {i18n.t('common.dismiss')}
          </button>
        </p>
      ) : null}
      {state.recovered.length > 0 ? <RecoveredNotice recovered={state.recovered} now={now} /> : null}
      <nav role="tablist" aria-label={i18n.t('learn.tabs')}>
        {TABS.map((t) => (
          <button
            type="button"
            role="tab"
            key={t}
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls="panel"
            onClick={() => select(t)}
          >
            {labels[t]}
          </button>
        ))}
      </nav>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'review' ? <ReviewPanel state={state} now={now} answers={answers} /> : null}
        {tab === 'list' ? <StudyListPanel state={state} now={now} /> : null}
        {tab === 'history' ? <HistoryPanel state={state} onSettings={(s) => attempt(saveSettings(s))} /> : null}
        {tab === 'export' ? <ExportPanel state={state} now={now} /> : null}
        {tab === 'review' ? (
          <div class="review-settings">
            <Toggle
              checked={state.settings.speakOnReveal}
              onChange={(speakOnReveal) => attempt(saveSettings({ speakOnReveal }))}
            >
              {i18n.t('learn.speakOnReveal')}
            </Toggle>
            <Toggle
              checked={state.settings.burySiblings}
              onChange={(burySiblings) => attempt(saveSettings({ burySiblings }))}
            >
              {i18n.t('learn.burySiblings')}
            </Toggle>
          </div>
        ) : null}
      </div>
    </main>
  );
}
