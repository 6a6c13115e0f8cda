/**
 * Turns a page's reported sightings, and the sentence a term was saved from, into "where I met it" history, as
 * the learner's settings allow. Only the
 * page the learner reads (the tab's top frame) is recorded: frames are mostly other sites' widgets and ads,
 * and twenty frames of one hostile page could otherwise push out everything the learner met elsewhere. Nothing
 * is recorded in private (incognito) windows.
 */
import type { BackgroundProtocol } from '../messages/protocol';
import { learningSettings } from '../settings';
import { capHistory, isRepeat, sightingOf } from './history';
import type { Encounter } from './model';
import { changeData, savedTerms } from './store';

/** Where a report came from (runtime.MessageSender's tab and frame). */
export interface ReportOrigin {
  topFrame: boolean;
  incognito: boolean;
}

export async function recordSightings(
  message: BackgroundProtocol['terms-found']['received'],
  origin: ReportOrigin,
  now: Date,
): Promise<number> {
  if (!origin.topFrame || origin.incognito || !message.page || !message.sightings?.length) return 0;
  const page = message.page;
  // Only web pages (not our own glossary reader, nor local files or browser pages), by origin and path.
  const candidates = message.sightings
    .map((s) => sightingOf(s.term, page, s.sentence, now))
    .filter((s): s is Encounter => s !== null);
  if (candidates.length === 0) return 0;
  const settings = await learningSettings.read();
  if (!settings.historyEnabled) return 0;
  // Most pages hold no saved term: a look at the study list alone spares them the full read and the lock.
  const saved = settings.historyAllTerms ? null : await savedTerms();
  const worthKeeping = saved ? candidates.filter((s) => saved.has(s.term)) : candidates;
  if (worthKeeping.length === 0) return 0;
  let added = 0;
  await changeData(
    ['studyList', 'history'],
    ({ studyList, history }) => {
      const savedNow = new Set(studyList.map((s) => s.term));
      const fresh = worthKeeping
        .filter((s) => settings.historyAllTerms || savedNow.has(s.term))
        .filter((s) => !history.some((kept) => isRepeat(kept, s)));
      added = fresh.length;
      return fresh.length > 0 ? { history: capHistory([...history, ...fresh]) } : {};
    },
    { now, what: { action: 'sightings' } },
  );
  return added;
}

/**
 * The sighting to keep when the learner saves a term from its card on a page: the sentence of the occurrence the
 * card explains, under the same rules as the page's own reports (top frame, not private, history on). Null when
 * none is to be kept.
 */
export async function sightingAtSave(
  request: Pick<BackgroundProtocol['save-term']['received'], 'term' | 'page' | 'sentence'>,
  origin: ReportOrigin,
  now: Date,
): Promise<Encounter | null> {
  const { term, page, sentence } = request;
  if (!origin.topFrame || origin.incognito || !page || sentence === undefined) return null;
  const sighting = sightingOf(term, page, sentence, now);
  if (!sighting || !(await learningSettings.read()).historyEnabled) return null;
  return sighting;
}
