/** Turns a page's reported sightings into "where I met it" history, as the learner's settings allow. */
import type { TermsFoundMessage } from '../messages';
import type { Encounter } from './model';
import { readLearningSettings } from './settings';
import { HISTORY, STUDY_LIST, capHistory, readList, updateList } from './store';

/** The same term on the same page is one sighting a day, however often the page reports it. */
const SAME_SIGHTING_MS = 24 * 3_600_000;

export async function recordSightings(message: TermsFoundMessage, now: Date): Promise<number> {
  // Only web pages: not our own glossary reader, nor local files or browser pages.
  if (!message.page || !/^https?:/.test(message.page.url) || !message.sightings?.length) return 0;
  const settings = await readLearningSettings();
  if (!settings.historyEnabled) return 0;
  const saved = new Set((await readList(STUDY_LIST)).values.map((s) => s.term));
  const wanted = message.sightings.filter((s) => settings.historyAllTerms || saved.has(s.term));
  if (wanted.length === 0) return 0;
  const { url, title } = message.page;
  let added = 0;
  await updateList(HISTORY, (history) => {
    const fresh: Encounter[] = wanted
      .filter((s) => !history.some((e) => e.term === s.term && e.url === url && now.getTime() - Date.parse(e.at) < SAME_SIGHTING_MS))
      .map((s) => ({ term: s.term, url, title, at: now.toISOString(), sentence: s.sentence }));
    added = fresh.length;
    return capHistory([...history, ...fresh]);
  });
  return added;
}
