/**
 * The options page's list of sites where the lens is off: add one (a host name or an address), remove one.
 * The synced list has storage.sync's size limit: adding past it is refused with a message (lib/disabled-sites).
 */
import { useState } from 'preact/hooks';
import {
  SYNC_ITEM_BYTES,
  covers,
  removeSiteEntry,
  setSiteEnabled,
  siteFromInput,
  syncedBytes,
  type DisabledSites,
} from '../../lib/disabled-sites';
import { i18n } from '../../lib/i18n';

export function SiteList({ sites }: { sites: DisabledSites }) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const listed = [
    ...sites.synced.map((site) => ({ site, local: false })),
    ...sites.local.filter((s) => !sites.synced.includes(s)).map((site) => ({ site, local: true })),
  ];

  const add = async (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(input);
    if (!site) return setMessage({ text: i18n.t('options.sites.invalid', [input.trim()]), error: true });
    const already = listed.find((entry) => covers(entry.site, site));
    if (already) return setMessage({ text: i18n.t('options.sites.already', [site, already.site]), error: false });
    const result = await setSiteEnabled(site, false);
    if (result.ok) {
      setInput('');
      setMessage({ text: i18n.t('options.sites.added', [site]), error: false });
    } else if (result.reason === 'full')
      setMessage({ text: i18n.t('options.sites.full', [String(sites.synced.length)]), error: true });
    else setMessage({ text: i18n.t('options.sites.storageError', [result.detail ?? '']), error: true });
  };

  return (
    <div class="site-list">
      <p class="muted">{i18n.t('options.sites.explain')}</p>
      {listed.length === 0 ? (
        <p class="muted empty">{i18n.t('options.sites.none')}</p>
      ) : (
        <ul aria-label={i18n.t('options.sites.title')}>
          {listed.map(({ site, local }) => (
            <li key={site}>
              <span class="site">{site}</span>
              {local ? (
                <span class="badge" title={i18n.t('options.sites.localTitle')}>
                  {i18n.t('options.sites.local')}
                </span>
              ) : null}
              <button
                type="button"
                aria-label={i18n.t('options.sites.removeLabel', [site])}
                onClick={() =>
                  void removeSiteEntry(site).then(() =>
                    setMessage({ text: i18n.t('options.sites.removed', [site]), error: false }),
                  )
                }
              >
                {i18n.t('options.sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {sites.synced.length > 0 ? (
        <p class="muted site-usage">
          {i18n.t('options.sites.usage', [
            String(sites.synced.length),
            String(Math.ceil((100 * syncedBytes(sites.synced)) / SYNC_ITEM_BYTES)),
          ])}
        </p>
      ) : null}
      <form class="add-site" onSubmit={(event) => void add(event)}>
        <label for="add-site">{i18n.t('options.sites.addLabel')}</label>
        <input
          id="add-site"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder={i18n.t('options.sites.placeholder')}
          value={input}
          onInput={(event) => setInput(event.currentTarget.value)}
        />
        <button type="submit">{i18n.t('options.sites.add')}</button>
      </form>
      <p class={message?.error ? 'site-message error' : 'site-message'} role="status">
        {message?.text ?? ''}
      </p>
    </div>
  );
}
