/** Turns a page's reported sightings into "where I met it" history, as the learner's settings allow. */
import type { TermsFoundMessage } from '../messages';
import type { Encounter } from './model';
import { readLearningSettings } from './settings';
import { capHistory, changeData, savedTerms } from './store';

/** The same term on the same page is one sighting a day, however often the page reports it. */
const SAME_SIGHTING_MS = 24 * 3_600_000;

export async function recordSightings(message: TermsFoundMessage, now: Date): Promise<number> {
  // Only web pages: not our own glossary reader, nor local files or browser pages.
  if (!message.page || !/^https?:/.test(message.page.url) || !message.sightings?.length) return 0;
  const settings = await readLearningSettings();
  if (!settings.historyEnabled) return 0;
  const saved = settings.historyAllTerms ? new Set<string>() : await savedTerms();
  // Most pages hold no saved term: a look at the study list alone spares them the full read and the lock.
  const worthKeeping = settings.historyAllTerms
    ? message.sightings
    : message.sightings.filter((s) => saved.has(s.term));
  if (worthKeeping.length === 0) return 0;
  const { url, title } = message.page;
  let added = 0;
  await changeData(
    ['studyList', 'history'],
    ({ studyList, history }) => {
      const savedNow = new Set(studyList.map((s) => s.term));
      const fresh: Encounter[] = worthKeeping
        .filter((s) => settings.historyAllTerms || savedNow.has(s.term))
        .filter(
          (s) =>
            !history.some(
              (e) => e.term === s.term && e.url === url && now.getTime() - Date.parse(e.at) < SAME_SIGHTING_MS,
            ),
        )
        .map((s) => ({ term: s.term, url, title, at: now.toISOString(), sentence: s.sentence }));
      added = fresh.length;
      return fresh.length > 0 ? { history: capHistory([...history, ...fresh]) } : {};
    },
    { now, what: { action: 'sightings' } },
  );
  return added;
}
