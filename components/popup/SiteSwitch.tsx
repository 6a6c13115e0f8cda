import { fill, i18n } from '../../lib/i18n';

/** The per-site switch: highlighting on or off for the site of the tab, remembered (lib/disabled-sites). */
export interface SiteSwitchProps {
  site: string;
  enabled: boolean;
  onChange(enabled: boolean): void;
}

export function SiteSwitch({ site, enabled, onChange }: SiteSwitchProps) {
  return (
    <label class="site-switch" title={i18n.t('popup.siteSwitchTitle', { site })}>
      <input
        type="checkbox"
        role="switch"
        checked={enabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="switch-track" aria-hidden="true">
        <span class="switch-thumb" />
      </span>
      <span class="switch-label">{fill('popup.siteSwitchLabel', { site: <span class="site">{site}</span> })}</span>
    </label>
  );
}
