/**
 * The options page: how terms are marked and explained, the sites where the lens is off, the learning
 * history, the keyboard shortcuts, and where the glossary and the dictionary come from. Every change is stored at once
 * (storage.sync: it follows the reader to their other browsers), and open pages follow it without a reload.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { countText, fill, formatCount, i18n } from '../../lib/i18n';
import { clearFault, noteFault, writeFault, type ChangeName } from '../../lib/storage/faults';
import { numberedPinyin, pinyinTokens } from '../../lib/pinyin/tones';
import {
  CARD_FONT_SIZES,
  HOVER_DELAYS,
  learningSettings,
  lensSettings,
  type LearningSettings,
  type LensSettings,
} from '../../lib/settings';
import { glossary } from '../../lib/glossary';
import { CEDICT_LICENCE_URL, CEDICT_URL, dictionaryInfo } from '../../lib/dictionary/info';
import { SiteList } from './SiteList';
import { ChangeShortcuts, ShortcutList, useShortcuts } from '../common/shortcuts';
import { useStoredSettings } from './use-settings';
import { StorageNotice } from '../common/StorageNotice';
import { SourceList } from '../common/SourceList';
import { Toggle } from '../common/Toggle';
import { SpeechHelp } from './SpeechHelp';

/** The key held with the shift-hover trigger, named as keyboards print it, in every language. */
const SHIFT_KEY = 'Shift';
/** Samples of the pinyin settings, from the glossary itself: 焦作's pinyin, and 一区五城's for the tone colours. */
const entryPinyin = (term: string) => glossary.entries.find((entry) => entry.term === term)?.pinyin ?? '';
const PINYIN_SAMPLE = entryPinyin('焦作');
const TONE_SAMPLE = pinyinTokens(entryPinyin('一区五城'));

const SETTINGS_CHANGE: ChangeName = { action: 'settings' };

const FONT_SIZE_NAMES = {
  13: () => i18n.t('options.cardFontSize.small'),
  14: () => i18n.t('options.cardFontSize.normal'),
  16: () => i18n.t('options.cardFontSize.large'),
  18: () => i18n.t('options.cardFontSize.larger'),
} satisfies Record<LensSettings['cardFontSize'], () => string>;

/**
 * Stores a settings change. A refused write (storage.sync's quotas: 8 KB an item, ~100 KB in all, 120 writes a
 * minute) is noted like every storage fault: the notice at the top of this page, the popup and the Learn page
 * say why, until a settings change succeeds.
 */
async function storeSettings(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
  } catch (error) {
    await noteFault(writeFault(error, SETTINGS_CHANGE));
    return false;
  }
  await clearFault(SETTINGS_CHANGE);
  return true;
}

export function Options() {
  const stored = useStoredSettings();
  const shortcuts = useShortcuts();
  const [resetDone, setResetDone] = useState(false);
  if (!stored) return null;
  const { lens, learning } = stored;
  const setLens = (change: Partial<LensSettings>) => {
    setResetDone(false);
    void storeSettings(lensSettings.update(change));
  };
  const setLearning = (change: Partial<LearningSettings>) => {
    setResetDone(false);
    void storeSettings(learningSettings.update(change));
  };
  const reset = async () => {
    // Only what this page sets: the Learn page's own settings (speaking, Anki) stay.
    const { historyEnabled, historyAllTerms } = learningSettings.defaults;
    setResetDone(
      await storeSettings(
        Promise.all([lensSettings.reset(), learningSettings.update({ historyEnabled, historyAllTerms })]),
      ),
    );
  };

  return (
    <main class="options-page">
      <header class="options-header">
        <h1>{i18n.t('options.heading')}</h1>
        <p class="muted">{i18n.t('options.lead')}</p>
      </header>
      <StorageNotice />

      <section aria-labelledby="on-pages">
        <h2 id="on-pages">{i18n.t('options.onPages')}</h2>
        <Choice
          name="highlightStyle"
          legend={i18n.t('options.highlight.legend')}
          value={lens.highlightStyle}
          onChange={(highlightStyle) => setLens({ highlightStyle })}
          options={[
            ['underline', <span class="sample sample-underline">{i18n.t('options.highlight.underline')}</span>],
            ['background', <span class="sample sample-background">{i18n.t('options.highlight.background')}</span>],
            ['none', i18n.t('options.highlight.none')],
          ]}
        />
        <Choice
          name="popoverTrigger"
          legend={i18n.t('options.trigger.legend')}
          value={lens.popoverTrigger}
          onChange={(popoverTrigger) => setLens({ popoverTrigger })}
          options={[
            ['hover', i18n.t('options.trigger.hover')],
            ['shift-hover', <>{fill('options.trigger.shiftHover', { key: <kbd>{SHIFT_KEY}</kbd> })}</>],
            ['click', i18n.t('options.trigger.click')],
          ]}
        />
        <Toggle checked={lens.markFirstOnly} onChange={(markFirstOnly) => setLens({ markFirstOnly })}>
          {i18n.t('options.markFirstOnly')}
        </Toggle>
        {lens.unmarkedTerms.length > 0 ? (
          <fieldset class="choice unmarked-terms">
            <legend>{i18n.t('options.unmarked.legend')}</legend>
            <p class="muted">{i18n.t('options.unmarked.explain')}</p>
            <ul>
              {lens.unmarkedTerms.map((term) => (
                <li key={term}>
                  <span lang="zh-CN">{term}</span>{' '}
                  <button
                    type="button"
                    class="link-button"
                    aria-label={i18n.t('options.unmarked.markAgainLabel', [term])}
                    onClick={() => setLens({ unmarkedTerms: lens.unmarkedTerms.filter((other) => other !== term) })}
                  >
                    {i18n.t('options.unmarked.markAgain')}
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <Choice
          name="hoverDelayMs"
          legend={i18n.t('options.hoverDelay.legend')}
          value={lens.hoverDelayMs}
          onChange={(hoverDelayMs) => setLens({ hoverDelayMs })}
          options={HOVER_DELAYS.map((ms) => [
            ms,
            i18n.t('options.hoverDelay.seconds', { seconds: formatCount(ms / 1000) }),
          ])}
          inline
        />
        <p class="muted hint">{i18n.t('options.hoverDelay.hint')}</p>
      </section>

      <section aria-labelledby="explanation">
        <h2 id="explanation">{i18n.t('options.explanation')}</h2>
        <Choice
          name="pinyinStyle"
          legend={i18n.t('options.pinyin.legend')}
          value={lens.pinyinStyle}
          onChange={(pinyinStyle) => setLens({ pinyinStyle })}
          options={[
            [
              'marks',
              <>
                {i18n.t('options.pinyin.marks')}{' '}
                <span class="example" lang="zh-Latn-pinyin">
                  {PINYIN_SAMPLE}
                </span>
              </>,
            ],
            [
              'numbers',
              <>
                {i18n.t('options.pinyin.numbers')}{' '}
                <span class="example" lang="zh-Latn-pinyin">
                  {numberedPinyin(PINYIN_SAMPLE)}
                </span>
              </>,
            ],
          ]}
        />
        <Toggle checked={lens.toneColours} onChange={(toneColours) => setLens({ toneColours })}>
          {i18n.t('options.toneColours')}{' '}
          <span class="example tone-sample" lang="zh-Latn-pinyin" aria-hidden="true">
            {TONE_SAMPLE.map((token, i) => (
              <span key={i} class={token.tone ? `tone${token.tone}` : undefined}>
                {token.text}
              </span>
            ))}
          </span>
        </Toggle>
        <Toggle checked={lens.showTranslation} onChange={(showTranslation) => setLens({ showTranslation })}>
          {i18n.t('options.showTranslation')}
        </Toggle>
        <Choice
          name="cardView"
          legend={i18n.t('options.cardView.legend')}
          value={lens.cardView}
          onChange={(cardView) => setLens({ cardView })}
          options={[
            ['compact', i18n.t('options.cardView.compact')],
            ['full', i18n.t('options.cardView.full')],
          ]}
        />
        <Choice
          name="cardTheme"
          legend={i18n.t('options.cardTheme.legend')}
          value={lens.cardTheme}
          onChange={(cardTheme) => setLens({ cardTheme })}
          options={[
            ['page', i18n.t('options.cardTheme.page')],
            ['light', i18n.t('options.cardTheme.light')],
            ['dark', i18n.t('options.cardTheme.dark')],
          ]}
        />
        <Choice
          name="cardFontSize"
          legend={i18n.t('options.cardFontSize.legend')}
          value={lens.cardFontSize}
          onChange={(cardFontSize) => setLens({ cardFontSize })}
          options={CARD_FONT_SIZES.map((size) => [
            size,
            <span style={{ fontSize: `${size}px` }}>{FONT_SIZE_NAMES[size]()}</span>,
          ])}
          inline
        />
      </section>

      <section aria-labelledby="speech">
        <h2 id="speech">{i18n.t('options.speech.title')}</h2>
        <SpeechHelp />
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">{i18n.t('options.sites.title')}</h2>
        <SiteList sites={stored.sites} />
      </section>

      <section aria-labelledby="learning">
        <h2 id="learning">{i18n.t('options.learning.title')}</h2>
        <Toggle checked={learning.historyEnabled} onChange={(historyEnabled) => setLearning({ historyEnabled })}>
          {i18n.t('options.learning.history')}
        </Toggle>
        <Toggle
          checked={learning.historyAllTerms}
          disabled={!learning.historyEnabled}
          onChange={(historyAllTerms) => setLearning({ historyAllTerms })}
        >
          {i18n.t('options.learning.historyAllTerms')}
        </Toggle>
        <p class="muted">
          {i18n.t('options.learning.where')}{' '}
          <a href={browser.runtime.getURL('/learn.html')}>{i18n.t('options.learning.open')}</a>
        </p>
      </section>

      <section aria-labelledby="shortcuts">
        <h2 id="shortcuts">{i18n.t('shortcuts.title')}</h2>
        <ShortcutList shortcuts={shortcuts} />
        <ChangeShortcuts />
      </section>

      <section class="reset" aria-labelledby="reset">
        <h2 id="reset">{i18n.t('options.reset.title')}</h2>
        <p class="muted">{i18n.t('options.reset.explain')}</p>
        <button type="button" onClick={() => void reset()}>
          {i18n.t('options.reset.button')}
        </button>
        <span role="status" class="muted">
          {resetDone ? ` ${i18n.t('options.reset.done')}` : ''}
        </span>
      </section>

      <section aria-labelledby="about">
        <h2 id="about">{i18n.t('options.about.title')}</h2>
        <p>
          <a href={browser.runtime.getURL('/welcome.html')}>{i18n.t('options.about.welcome')}</a>
        </p>
        <p>
          {i18n.t('options.intro', {
            terms: countText('count.terms', glossary.entries.length),
            articles: countText('count.sourceArticles', glossary.documents.length),
          })}
        </p>
        <SourceList
          documents={glossary.documents}
          href={(doc) => `glossary.html#source=${encodeURIComponent(doc.id)}`}
        />
        <p class="dictionary-attribution">
          {fill('options.about.dictionary', {
            cedict: (
              <a href={CEDICT_URL} target="_blank" rel="noreferrer">
                {dictionaryInfo.source}
              </a>
            ),
            entries: formatCount(dictionaryInfo.entries),
            date: dictionaryInfo.dataDate,
            package: <code>{dictionaryInfo.package}</code>,
            licence: (
              <a href={CEDICT_LICENCE_URL} target="_blank" rel="noreferrer">
                {i18n.t('options.about.dictionaryLicence')}
              </a>
            ),
          })}
        </p>
      </section>
    </main>
  );
}

function Choice<T extends string | number>({
  name,
  legend,
  value,
  options,
  onChange,
  inline = false,
}: {
  name: string;
  legend: string;
  value: T;
  options: [T, ComponentChildren][];
  onChange(value: T): void;
  /** The options side by side (short ones: numbers, sizes). */
  inline?: boolean;
}) {
  return (
    <fieldset class={inline ? 'choice inline' : 'choice'}>
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option}>
          <input
            type="radio"
            name={name}
            value={String(option)}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
