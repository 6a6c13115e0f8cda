import { useState } from 'preact/hooks';
import { entryDetails, indexGlossary } from '../../lib/entry-details';
import { i18n, messagesLanguage } from '../../lib/i18n';
import { removeTerm, saveTerm, setNote } from '../../lib/learning/actions';
import { studyView } from '../../lib/learning/study-view';
import { attempt } from './attempt';
import { glossary } from '../../lib/glossary';
import type { LearnerState } from './useLearnerData';

const byTerm = indexGlossary(glossary);

export function StudyListPanel({ state, now }: { state: LearnerState; now: () => Date }) {
  const [adding, setAdding] = useState('');
  const [problem, setProblem] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const term = adding.trim();
    if (!byTerm.has(term)) return setProblem(i18n.t('studyList.notInGlossary', { term }));
    setProblem('');
    setAdding('');
    attempt(
      saveTerm(term, now()).catch((error: unknown) => {
        setAdding(term); // not saved: the term stays in the field, to try again
        throw error;
      }),
    );
  };
  return (
    <section aria-labelledby="list-heading">
      <h2 id="list-heading">{i18n.t('studyList.heading')}</h2>
      <form class="add" onSubmit={add}>
        <label for="add-term">{i18n.t('studyList.addLabel')}</label>
        <input
          id="add-term"
          type="text"
          list="all-terms"
          lang="zh-CN"
          value={adding}
          onInput={(e) => setAdding(e.currentTarget.value)}
        />
        <datalist id="all-terms">
          {glossary.entries.map((entry) => (
            <option key={entry.term} value={entry.term}>
              {entry.gloss}
            </option>
          ))}
        </datalist>
        <button type="submit">{i18n.t('studyList.add')}</button>
        {problem ? <span role="alert">{problem}</span> : null}
      </form>
      {state.studyList.length === 0 ? (
        <p class="muted">{i18n.t('studyList.empty')}</p>
      ) : (
        <table class="study-list">
          <thead>
            <tr>
              <th scope="col">{i18n.t('studyList.termColumn')}</th>
              <th scope="col">{i18n.t('studyList.meaningColumn')}</th>
              <th scope="col">{i18n.t('studyList.savedColumn')}</th>
              <th scope="col">{i18n.t('studyList.noteColumn')}</th>
              <th scope="col">
                <span class="visually-hidden">{i18n.t('studyList.removeColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.studyList.map((item) => {
              const view = studyView(item, (term) => entryDetails(glossary, term, byTerm));
              return (
                <tr key={item.term}>
                  <td>
                    <span lang="zh-CN" class="term">
                      {item.term}
                    </span>
                    <div class="pinyin">{view?.pinyin}</div>
                  </td>
                  <td>
                    {view?.gloss ?? <em>{i18n.t('studyList.goneFromGlossary')}</em>}
                    {view?.source === 'dictionary' ? (
                      <div class="muted source-tag">{i18n.t('studyList.fromDictionary')}</div>
                    ) : null}
                  </td>
                  <td>{new Date(item.savedAt).toLocaleDateString(messagesLanguage())}</td>
                  <td>
                    <input
                      type="text"
                      aria-label={i18n.t('studyList.noteFor', { term: item.term })}
                      value={item.note}
                      onChange={(e) => attempt(setNote(item.term, e.currentTarget.value))}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={i18n.t('studyList.removeTerm', { term: item.term })}
                      onClick={() => attempt(removeTerm(item.term))}
                    >
                      {i18n.t('studyList.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
