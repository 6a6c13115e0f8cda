/**
 * The popup's "more" menu: settings, the welcome page, and the keyboard shortcuts as the browser has them
 * now, with the way to change them. A <details> disclosure: it opens upwards over the list, from the footer.
 */
import { browser } from 'wxt/browser';
import { i18n } from '../../lib/i18n';
import { ChangeShortcuts, ShortcutList, useShortcuts } from '../common/shortcuts';

export function PopupMenu() {
  const shortcuts = useShortcuts();
  const open = (event: MouseEvent, show: () => Promise<unknown>) => {
    event.preventDefault();
    void show().then(() => window.close());
  };
  return (
    <details class="popup-menu">
      <summary aria-label={i18n.t('popup.menu.label')} title={i18n.t('popup.menu.label')}>
        ⋯
      </summary>
      <div class="popup-menu-panel">
        <a
          href={browser.runtime.getURL('/options.html')}
          onClick={(event) => open(event, () => browser.runtime.openOptionsPage())}
        >
          {i18n.t('popup.menu.settings')}
        </a>
        <a
          href={browser.runtime.getURL('/welcome.html')}
          onClick={(event) => open(event, () => browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }))}
        >
          {i18n.t('popup.menu.welcome')}
        </a>
        <h2>{i18n.t('shortcuts.title')}</h2>
        <ShortcutList shortcuts={shortcuts} />
        <ChangeShortcuts />
      </div>
    </details>
  );
}
