/**
 * Reviews per day over the last days, as a bar chart with its axes labelled: the number of reviews up the side
 * (with gridlines), each day along the bottom (weekday and date, today last), and each day's count over its bar.
 * Screen readers get the same figures as the image's label.
 */
import { countText, formatCount, i18n, messagesLanguage } from '../../lib/i18n';

const STEP = 34; // horizontal room per day
const LEFT = 44; // room for the count labels and the vertical axis title
const TOP = 14;
const PLOT = 96; // height of the bars' area
const HEIGHT = TOP + PLOT + 44; // the day labels and the horizontal axis title below

export function ReviewChart({ days }: { days: readonly { day: string; count: number }[] }) {
  const language = messagesLanguage();
  const top = niceCeiling(Math.max(...days.map((d) => d.count)));
  const ticks = top % 2 === 0 ? [0, top / 2, top] : [0, top];
  const y = (count: number) => TOP + PLOT - (count / top) * PLOT;
  const width = LEFT + days.length * STEP;
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short' });
  const date = new Intl.DateTimeFormat(language, { month: 'numeric', day: 'numeric' });
  const spoken = new Intl.DateTimeFormat(language, { weekday: 'long', month: 'long', day: 'numeric' });
  const dayOf = (day: string) => new Date(`${day}T12:00:00`); // local noon: the same calendar day everywhere

  return (
    <figure class="chart">
      <figcaption>{countText('review.chartCaption', days.length)}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={days
          .map((d) => i18n.t('review.chartDay', { day: spoken.format(dayOf(d.day)), count: formatCount(d.count) }))
          .join('; ')}
      >
        <text class="axis-title" transform={`translate(12 ${TOP + PLOT / 2}) rotate(-90)`} text-anchor="middle">
          {i18n.t('review.chartReviews')}
        </text>
        {ticks.map((tick) => (
          <g key={tick} class="tick">
            <line x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick) + 4} text-anchor="end">
              {formatCount(tick)}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = LEFT + i * STEP;
          const today = i === days.length - 1;
          return (
            <g key={d.day} class={today ? 'day today' : 'day'}>
              {d.count > 0 ? (
                <>
                  <rect x={x + 6} y={y(d.count)} width={STEP - 12} height={(d.count / top) * PLOT} rx="2" />
                  <text class="count" x={x + STEP / 2} y={y(d.count) - 3} text-anchor="middle">
                    {formatCount(d.count)}
                  </text>
                </>
              ) : null}
              <text x={x + STEP / 2} y={TOP + PLOT + 14} text-anchor="middle">
                {weekday.format(dayOf(d.day))}
              </text>
              <text x={x + STEP / 2} y={TOP + PLOT + 27} text-anchor="middle">
                {date.format(dayOf(d.day))}
              </text>
            </g>
          );
        })}
        <text class="axis-title" x={LEFT + (days.length * STEP) / 2} y={HEIGHT - 3} text-anchor="middle">
          {i18n.t('review.chartDays')}
        </text>
      </svg>
    </figure>
  );
}

/** The top of the scale: 1, 2, 4, 5 or 10 times a power of ten, at least the largest count (and at least 4). */
function niceCeiling(most: number): number {
  if (most <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(most));
  return [1, 2, 4, 5, 10].map((step) => step * power).find((candidate) => candidate >= most)!;
}
