/**
 * The extension's keyboard shortcuts as the browser has them now (the reader may have changed them), and the
 * way to change them, which only the browser's own page can do: Chrome's chrome://extensions/shortcuts (no
 * link can open it, tabs.create can), Firefox's add-ons manager (commands.openShortcutSettings, Firefox 137+).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '../../lib/i18n';

export interface Shortcut {
  name: string;
  description: string;
  /** As the browser writes it (Alt+Shift+J, ⌥⇧J on a Mac); empty when none is set. */
  shortcut: string;
}

/** The browser's description of _execute_action is its own (or none): ours is used instead. */
function describe(command: { name?: string; description?: string }): string {
  return command.name === '_execute_action' ? i18n.t('command.openPopup') : (command.description ?? '');
}

/** The commands in the order the reader meets them. */
const ORDER = ['_execute_action', 'toggle-highlighting', 'next-term', 'previous-term'];

export function useShortcuts(): Shortcut[] | null {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    const read = () =>
      void browser.commands.getAll().then((commands) =>
        setShortcuts(
          commands
            .filter((command) => command.name)
            .map((command) => ({
              name: command.name!,
              description: describe(command),
              shortcut: command.shortcut ?? '',
            }))
            .sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name)),
        ),
      );
    read();
    // Changed on the browser's shortcuts page in another tab: read again when the reader comes back.
    const onVisible = () => document.visibilityState === 'visible' && read();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  return shortcuts;
}

/** Opens the browser's page for changing shortcuts; false where no extension can open it (older Firefox). */
async function openShortcutSettings(): Promise<boolean> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') {
    await commands.openShortcutSettings();
    return true;
  }
  if (import.meta.env.FIREFOX) return false;
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  return true;
}

export function ShortcutList({ shortcuts }: { shortcuts: Shortcut[] | null }) {
  if (!shortcuts) return null;
  return (
    <dl class="shortcuts">
      {shortcuts.map(({ name, description, shortcut }) => (
        <div key={name} class="shortcut" data-command={name}>
          <dt>{shortcut ? <kbd>{shortcut}</kbd> : <span class="unset">{i18n.t('shortcuts.unset')}</span>}</dt>
          <dd>{description}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The button that opens the browser's shortcut page, or where to find it when no extension can open it. */
export function ChangeShortcuts() {
  const [manual, setManual] = useState(false);
  return (
    <p class="change-shortcuts">
      <button
        type="button"
        class="link-button"
        onClick={() => void openShortcutSettings().then((opened) => setManual(!opened))}
      >
        {i18n.t('shortcuts.change')}
      </button>
      {manual ? <span class="muted"> {i18n.t('shortcuts.firefoxManual')}</span> : null}
    </p>
  );
}
