/** When the next review card is due, as a learner reads it: "in 10 minutes (14:35)", "tomorrow", "in 3 days (…)". */
import { i18n, messagesLanguage } from '../../lib/i18n';

export function dueText(next: Date, now: Date): string {
  const language = messagesLanguage();
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const days = Math.round((startOfDay(next) - startOfDay(now)) / 86_400_000);
  if (days === 0) {
    const minutes = Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 60_000));
    const when = minutes < 60 ? relative.format(minutes, 'minute') : relative.format(Math.round(minutes / 60), 'hour');
    const at = next.toLocaleTimeString(language, { hour: 'numeric', minute: '2-digit' });
    return i18n.t('review.whenAt', { when, at });
  }
  const when = relative.format(days, 'day');
  // Cards that wait for the next day are due at its very start: "tomorrow" says it.
  if (next.getTime() === startOfDay(next)) return when;
  const at = next.toLocaleString(language, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return i18n.t('review.whenAt', { when, at });
}

function startOfDay(date: Date): number {
  return new Date(date).setHours(0, 0, 0, 0);
}
