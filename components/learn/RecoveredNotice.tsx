/**
 * Says that some stored data could not be read and was set aside (damaged items, or data from a newer version
 * of the extension), where it is kept, and offers it as a file; the learner may then delete the copy.
 */
import { countText, i18n } from '../../lib/i18n';
import { discardRecovered, isFromNewerVersion, type SetAside } from '../../lib/learning/store';
import { attempt } from './attempt';
import { download } from './ExportPanel';

export function RecoveredNotice({ recovered, now }: { recovered: SetAside[]; now: () => Date }) {
  const fromNewer = recovered.filter(isFromNewerVersion);
  const damaged = recovered.length - fromNewer.length;
  const saveCopy = () =>
    download(
      `jiaozuo-policy-lens-set-aside-${now().toISOString().slice(0, 10)}.json`,
      JSON.stringify(
        { format: 'jiaozuo-policy-lens-set-aside', exportedAt: now().toISOString(), items: recovered },
        null,
        2,
      ) + '\n',
      'application/json',
    );
  const discard = () => {
    if (confirm(i18n.t('recovered.confirmDelete'))) attempt(discardRecovered());
  };
  return (
    <div role="alert" class="notice recovered">
      {fromNewer.length > 0 ? <p>{i18n.t('recovered.newer')}</p> : null}
      {damaged > 0 ? <p>{countText('recovered.damaged', damaged)}</p> : null}
      <p>
        {i18n.t('recovered.kept')}{' '}
        <button type="button" onClick={saveCopy}>
          {i18n.t('recovered.download')}
        </button>{' '}
        <button type="button" onClick={discard}>
          {i18n.t('recovered.delete')}
        </button>
      </p>
    </div>
  );
}
