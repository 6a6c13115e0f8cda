import { useState } from 'preact/hooks';
import { removeTerm, saveTerm, setNote } from '../../lib/learning/actions';
import { attempt } from './attempt';
import { glossary } from '../glossary';
import type { LearnerState } from './useLearnerData';

const byTerm = new Map(glossary.entries.map((entry) => [entry.term, entry]));

export function StudyListPanel({ state, now }: { state: LearnerState; now: () => Date }) {
  const [adding, setAdding] = useState('');
  const [problem, setProblem] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const term = adding.trim();
    if (!byTerm.has(term)) return setProblem(`“${term}” is not a glossary term.`);
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
      <h2 id="list-heading">Study list</h2>
      <form class="add" onSubmit={add}>
        <label for="add-term">Add a term</label>
        <input id="add-term" list="all-terms" lang="zh-CN" value={adding} onInput={(e) => setAdding(e.currentTarget.value)} />
        <datalist id="all-terms">
          {glossary.entries.map((entry) => (
            <option key={entry.term} value={entry.term}>
              {entry.gloss}
            </option>
          ))}
        </datalist>
        <button type="submit">Add</button>
        {problem ? <span role="alert">{problem}</span> : null}
      </form>
      {state.studyList.length === 0 ? (
        <p class="muted">No saved terms yet.</p>
      ) : (
        <table class="study-list">
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Meaning</th>
              <th scope="col">Saved</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.studyList.map((item) => {
              const entry = byTerm.get(item.term);
              return (
                <tr key={item.term}>
                  <td>
                    <span lang="zh-CN" class="term">
                      {item.term}
                    </span>
                    <div class="pinyin">{entry?.pinyin}</div>
                  </td>
                  <td>{entry?.gloss ?? <em>no longer in the glossary</em>}</td>
                  <td>{new Date(item.savedAt).toLocaleDateString()}</td>
                  <td>
                    <input
                      aria-label={`Note for ${item.term}`}
                      value={item.note}
                      onChange={(e) => attempt(setNote(item.term, e.currentTarget.value))}
                    />
                  </td>
                  <td>
                    <button type="button" aria-label={`Remove ${item.term}`} onClick={() => attempt(removeTerm(item.term))}>
                      Remove
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
