import { useEffect, useRef, useState } from 'preact/hooks';
import { entryDetails, indexGlossary } from '../../lib/entry-details';
import { countText, fill, formatCount, i18n, type PlainKey } from '../../lib/i18n';
import { recordReview, undoReview, type Answer } from '../../lib/learning/actions';
import type { StoredCard } from '../../lib/learning/model';
import { reviewQueue, reviewsPerDay, streakDays } from '../../lib/learning/scheduling';
import { studyView, type StudyView } from '../../lib/learning/study-view';
import { speak } from '../../lib/speech';
import { glossary } from '../../lib/glossary';
import { DictionaryEntries } from '../entry/DictionaryEntries';
import { attempt } from './attempt';
import { dueText } from './due-text';
import { ReviewChart } from './ReviewChart';
import type { LearnerState } from './useLearnerData';

const index = indexGlossary(glossary);
const RATINGS: readonly { rating: 1 | 2 | 3 | 4; label: PlainKey }[] = [
  { rating: 1, label: 'review.again' },
  { rating: 2, label: 'review.hard' },
  { rating: 3, label: 'review.good' },
  { rating: 4, label: 'review.easy' },
];
/** Answers that can be taken back, the latest last (Anki keeps a similar number of undo steps). */
const UNDO_DEPTH = 30;
/** The longest wait for the next card that the open page sleeps through, to show it when it comes. */
const WAKE_WITHIN_MS = 12 * 3_600_000;

const cardKey = (card: Pick<StoredCard, 'term' | 'direction'>) => `${card.term}\u0000${card.direction}`;

/**
 * What each saved term's cards show, by term: its glossary entry, or what the dictionary said of a saved word
 * (none for a glossary term the glossary no longer has).
 */
function viewsOf(state: LearnerState): Map<string, StudyView> {
  const views = new Map<string, StudyView>();
  for (const item of state.studyList) {
    const view = studyView(item, (term) => entryDetails(glossary, term, index));
    if (view) views.set(item.term, view);
  }
  return views;
}

/** Whether a card can be shown: its term has a view, and a cloze card a sentence to ask it in. */
const canAsk = (card: StoredCard, views: ReadonlyMap<string, StudyView>) => {
  const view = views.get(card.term);
  return view !== undefined && (card.direction !== 'cloze' || view.cloze !== null);
};

/**
 * What there is to review (lib/learning/scheduling.ts, with the learner's burying setting), less the cards that
 * cannot be shown (of terms the glossary no longer has, or a cloze of a word saved without its sentence): they
 * must not stop the others from coming.
 */
export function toReview(state: LearnerState, at: Date, views = viewsOf(state)) {
  return reviewQueue(
    state.cards.filter((card) => canAsk(card, views)),
    state.log,
    at,
    { burySiblings: state.settings.burySiblings },
  );
}

/** The answers given on this page, latest last, for Undo: kept by the Learn page across its tabs. */
export function useAnswers() {
  return useState<Answer[]>([]);
}

export function ReviewPanel({
  state,
  now,
  answers: [answers, setAnswers],
}: {
  state: LearnerState;
  now: () => Date;
  answers: ReturnType<typeof useAnswers>;
}) {
  const [, wake] = useState(0);
  const at = now();
  const views = viewsOf(state);
  const queue = toReview(state, at, views);
  const due = queue.due;
  // The card whose answer was just taken back comes first, as it was when it was answered.
  const [undone, setUndone] = useState<string | null>(null);
  const card = due.find((c) => cardKey(c) === undone) ?? due[0];
  const view = card ? (views.get(card.term) ?? null) : null;
  // Which card's answer is on show: another card (the next one, or one a change elsewhere put first) starts
  // with its front, in the same render, so that no key pressed meanwhile acts on a stale state.
  const shownKey = card ? `${cardKey(card)}\u0000${card.due}` : null;
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const revealed = shownKey !== null && revealedKey === shownKey;
  const [undoProblem, setUndoProblem] = useState(false);

  // Nothing due yet: wake up when the next card is (a learning step minutes away) to show it.
  const next = due.length === 0 ? queue.next : null;
  useEffect(() => {
    if (!next || next.getTime() - Date.now() > WAKE_WITHIN_MS) return;
    const timer = setTimeout(() => wake((n) => n + 1), Math.max(0, next.getTime() - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [next?.getTime()]);

  // Both note the change in the keyboard's ref at once: a key pressed before the next render (Space then 3, quickly)
  // sees it.
  const reveal = () => {
    if (!card) return;
    current.current.revealed = true;
    setRevealedKey(shownKey);
    if (state.settings.speakOnReveal) speak(card.term);
  };
  const answer = (rating: 1 | 2 | 3 | 4) => {
    if (!card || !current.current.revealed) return;
    current.current.revealed = false; // a second key press before the next card renders must not rate twice
    setRevealedKey(null);
    setUndone(null);
    setUndoProblem(false);
    attempt(
      recordReview(card, rating, now()).then((given) => setAnswers((list) => [...list, given].slice(-UNDO_DEPTH))),
    );
  };
  const undo = () => {
    const last = answers.at(-1);
    if (!last) return;
    setAnswers((list) => list.slice(0, -1)); // at once: a second Z must take back the answer before it
    attempt(
      undoReview(last).then(
        (undoneNow) => {
          setUndoProblem(!undoneNow);
          if (undoneNow) setUndone(cardKey(last.before));
        },
        (error: unknown) => {
          setAnswers((list) => [...list, last]); // not stored: it can be tried again
          throw error;
        },
      ),
    );
  };
  // One listener for the page's life, reading the current card through a ref: a listener re-registered after
  // each render would miss a key pressed between the answer appearing and the effect running.
  const current = useRef({ revealed, reveal, answer, undo });
  current.current = { revealed, reveal, answer, undo };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      const { revealed: shown, reveal: show, answer: rateCard, undo: takeBack } = current.current;
      if (event.key === ' ' && !shown) {
        event.preventDefault();
        show();
      } else if (shown && ['1', '2', '3', '4'].includes(event.key) && !event.ctrlKey && !event.metaKey) {
        rateCard(Number(event.key) as 1 | 2 | 3 | 4);
      } else if (event.key.toLowerCase() === 'z' && !event.altKey && !event.shiftKey) {
        // Z, or Ctrl+Z / ⌘Z as in Anki.
        event.preventDefault();
        takeBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const undoButton =
    answers.length > 0 ? (
      <button type="button" class="undo" onClick={undo}>
        {i18n.t('review.undo', { term: answers.at(-1)!.before.term })} <kbd>Z</kbd>
      </button>
    ) : null;

  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{i18n.t('review.heading')}</h2>
      <Stats state={state} dueCount={due.length} now={at} />
      {undoProblem ? (
        <p role="alert" class="error">
          {i18n.t('review.undoStale')}
        </p>
      ) : null}
      {state.studyList.length === 0 ? (
        <p class="muted">{i18n.t('review.empty')}</p>
      ) : !card || !view ? (
        <div class="done" role="status">
          <p>
            <strong>{i18n.t('review.done')}</strong>{' '}
            {queue.next ? i18n.t('review.nextDue', { when: dueText(queue.next, at) }) : null}
          </p>
          {queue.buried.length > 0 ? <p class="muted">{countText('review.buried', queue.buried.length)}</p> : null}
          {undoButton}
        </div>
      ) : (
        <div class="review-card" aria-live="polite">
          <p class="direction muted">{directionLabel(card)}</p>
          <CardFront card={card} view={view} />
          {revealed ? (
            <>
              <CardBack view={view} />
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
          {undoButton ? <p class="undo-row">{undoButton}</p> : null}
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

function CardFront({ card, view }: { card: StoredCard; view: StudyView }) {
  if (card.direction === 'recognize')
    return (
      <p class="prompt term" lang="zh-CN">
        {view.term}
      </p>
    );
  if (card.direction === 'produce') return <p class="prompt">{view.gloss}</p>;
  const cloze = view.cloze;
  return (
    <>
      <p class="prompt cloze" lang="zh-CN">
        {cloze ? (
          <>
            {cloze.text.slice(0, cloze.start)}
            <span class="gap" aria-label={i18n.t('review.gap')}>
              {'＿'.repeat(Math.max(2, cloze.end - cloze.start))}
            </span>
            {cloze.text.slice(cloze.end)}
          </>
        ) : null}
      </p>
      <p class="muted">{i18n.t('review.hint', { gloss: view.gloss })}</p>
    </>
  );
}

/** The answer: the glossary's pinyin, gloss and explanation, or the dictionary's entries, labelled as its. */
function CardBack({ view }: { view: StudyView }) {
  if (view.source === 'dictionary')
    return (
      <div class="answer">
        <p>
          <span class="term" lang="zh-CN">
            {view.term}
          </span>
        </p>
        <DictionaryEntries entries={view.entries} />
      </div>
    );
  return (
    <div class="answer">
      <p>
        <span class="term" lang="zh-CN">
          {view.term}
        </span>{' '}
        <span class="pinyin">{view.pinyin}</span>
      </p>
      <p>
        <strong>{view.gloss}</strong>
      </p>
      <p>{view.explanation}</p>
    </div>
  );
}

function Stats({ state, dueCount, now }: { state: LearnerState; dueCount: number; now: Date }) {
  const days = reviewsPerDay(state.log, now);
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
      <ReviewChart days={days} />
    </div>
  );
}
