/**
 * Says that some stored data could not be read and was set aside (damaged items, or data from a newer version
 * of the extension), where it is kept, and offers it as a file; the learner may then delete the copy.
 */
import { discardRecovered, type SetAside } from '../../lib/learning/store';
import { attempt } from './attempt';
import { download } from './ExportPanel';

const NEWER = 'written by a newer version';

export function RecoveredNotice({ recovered, now }: { recovered: SetAside[]; now: () => Date }) {
  const fromNewer = recovered.filter((r) => r.reason?.startsWith(NEWER));
  const damaged = recovered.length - fromNewer.length;
  const saveCopy = () =>
    download(
      `jiaozuo-policy-lens-set-aside-${now().toISOString().slice(0, 10)}.json`,
      JSON.stringify({ format: 'jiaozuo-policy-lens-set-aside', exportedAt: now().toISOString(), items: recovered }, null, 2) + '\n',
      'application/json',
    );
  const discard = () => {
    if (confirm('Delete the set-aside data for good? Download it first if you may want it.')) attempt(discardRecovered());
  };
  return (
    <div role="alert" class="notice recovered">
      {fromNewer.length > 0 ? (
        <p>
          Your saved data was written by a newer version of Policy Lens. This version loaded what it understands; the newer data is kept,
          unchanged, so that updating Policy Lens again brings all of it back.
        </p>
      ) : null}
      {damaged > 0 ? (
        <p>
          {damaged} stored item{damaged === 1 ? '' : 's'} could not be read and {damaged === 1 ? 'was' : 'were'} set aside; everything else
          loaded.
        </p>
      ) : null}
      <p>
        The set-aside data is kept in the extension's storage under “recovered”.{' '}
        <button type="button" onClick={saveCopy}>
          Download it (.json)
        </button>{' '}
        <button type="button" onClick={discard}>
          Delete it
        </button>
      </p>
    </div>
  );
}
