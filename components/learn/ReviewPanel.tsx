import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { entryDetails, indexGlossary, type EntryDetails } from '../../lib/entry-details';
import { countText, fill, formatCount, i18n, type PlainKey } from '../../lib/i18n';
import { recordReview } from '../../lib/learning/actions';
import type { StoredCard } from '../../lib/learning/model';
import { dueCards, reviewsPerDay, streakDays } from '../../lib/learning/scheduling';
import { speak } from '../../lib/speech';
import { glossary } from '../../lib/glossary';
import { attempt } from './attempt';
import type { LearnerState } from './useLearnerData';

const index = indexGlossary(glossary);
const RATINGS: readonly { rating: 1 | 2 | 3 | 4; label: PlainKey }[] = [
  { rating: 1, label: 'review.again' },
  { rating: 2, label: 'review.hard' },
  { rating: 3, label: 'review.good' },
  { rating: 4, label: 'review.easy' },
];

export function ReviewPanel({ state, now }: { state: LearnerState; now: () => Date }) {
  const due = useMemo(() => dueCards(state.cards, now()), [state.cards, now]);
  const card = due[0];
  const details = card ? entryDetails(glossary, card.term, index) : null;
  const [revealed, setRevealed] = useState(false);
  const current = useRef({ revealed, reveal: () => {}, answer: (_rating: 1 | 2 | 3 | 4) => {} });
  useEffect(() => setRevealed(false), [card?.term, card?.direction, card?.due]);

  const reveal = () => {
    setRevealed(true);
    if (state.settings.speakOnReveal && card) speak(card.term);
  };
  const answer = (rating: 1 | 2 | 3 | 4) => {
    if (!card || !current.current.revealed) return;
    current.current.revealed = false; // a second key press before the next card renders must not rate twice
    setRevealed(false);
    attempt(recordReview(card, rating, now()));
  };
  // One listener for the page's life, reading the current card through a ref: a listener re-registered after
  // each render would miss a key pressed between the answer appearing and the effect running.
  current.current = { revealed, reveal, answer };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      const { revealed: shown, reveal: show, answer: rateCard } = current.current;
      if (event.key === ' ' && !shown) {
        event.preventDefault();
        show();
      } else if (shown && ['1', '2', '3', '4'].includes(event.key)) {
        rateCard(Number(event.key) as 1 | 2 | 3 | 4);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{i18n.t('review.heading')}</h2>
      <Stats state={state} dueCount={due.length} now={now()} />
      {state.studyList.length === 0 ? (
        <p class="muted">{i18n.t('review.empty')}</p>
      ) : !card || !details ? (
        <p class="done">{i18n.t('review.done')}</p>
      ) : (
        <div class="review-card" aria-live="polite">
          <p class="direction muted">{directionLabel(card)}</p>
          <CardFront card={card} details={details} />
          {revealed ? (
            <>
              <CardBack details={details} />
              <div class="ratings" role="group" aria-label={i18n.t('review.ratingGroup')}>
                {RATINGS.map(({ rating, label }) => (
                  <button type="button" key={rating} onClick={() => answer(rating)}>
                    <kbd>{rating}</kbd> {i18n.t(label)}
                  </button>
                ))}
              </div>
            </>
          ) : (
            <button type="button" class="primary" onClick={reveal}>
              {i18n.t('review.showAnswer')} <kbd>{i18n.t('review.spaceKey')}</kbd>
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function directionLabel(card: StoredCard): string {
  return i18n.t(
    card.direction === 'recognize'
      ? 'review.recognize'
      : card.direction === 'produce'
        ? 'review.produce'
        : 'review.cloze',
  );
}

function CardFront({ card, details }: { card: StoredCard; details: EntryDetails }) {
  if (card.direction === 'recognize')
    return (
      <p class="prompt term" lang="zh-CN">
        {details.term}
      </p>
    );
  if (card.direction === 'produce') return <p class="prompt">{details.gloss}</p>;
  const context = details.contexts[0];
  const [start, end] = context?.marks[0] ?? [0, 0];
  return (
    <>
      <p class="prompt cloze" lang="zh-CN">
        {context ? (
          <>
            {context.text.slice(0, start)}
            <span class="gap" aria-label={i18n.t('review.gap')}>
              {'＿'.repeat(Math.max(2, end - start))}
            </span>
            {context.text.slice(end)}
          </>
        ) : null}
      </p>
      <p class="muted">{i18n.t('review.hint', { gloss: details.gloss })}</p>
    </>
  );
}

function CardBack({ details }: { details: EntryDetails }) {
  return (
    <div class="answer">
      <p>
        <span class="term" lang="zh-CN">
          {details.term}
        </span>{' '}
        <span class="pinyin">{details.pinyin}</span>
      </p>
      <p>
        <strong>{details.gloss}</strong>
      </p>
      <p>{details.explanation}</p>
    </div>
  );
}

function Stats({ state, dueCount, now }: { state: LearnerState; dueCount: number; now: Date }) {
  const days = reviewsPerDay(state.log, now);
  const most = Math.max(1, ...days.map((d) => d.count));
  const today = days[days.length - 1]!.count;
  const streak = streakDays(state.log, now);
  const strong = (n: number) => <strong>{formatCount(n)}</strong>;
  return (
    <div class="stats">
      <p>
        {fill('review.due', { n: strong(dueCount) })} · {fill('review.reviewedToday', { n: strong(today) })} ·{' '}
        {fill('review.streak', { n: strong(streak) }, streak)} ·{' '}
        {i18n.t('review.saved', { n: formatCount(state.studyList.length) })}
      </p>
      <figure class="chart">
        <figcaption class="muted">{countText('review.chartCaption', days.length)}</figcaption>
        <svg
          viewBox={`0 0 ${days.length * 12} 40`}
          role="img"
          aria-label={days.map((d) => `${d.day}: ${d.count}`).join(', ')}
        >
          {days.map((d, i) => (
            <rect
              key={d.day}
              x={i * 12 + 1}
              y={40 - (d.count / most) * 38}
              width="10"
              height={Math.max((d.count / most) * 38, 0.5)}
              rx="1"
            >
              <title>
                {d.day}: {d.count}
              </title>
            </rect>
          ))}
        </svg>
      </figure>
    </div>
  );
}
