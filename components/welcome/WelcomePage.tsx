/**
 * The page opened once, on first install: what the lens does, shown live on a sentence from the sources
 * (content scripts do not run on extension pages, so this page starts the same lens itself, with the
 * reader's settings), how to pin the toolbar button (browsers hide a new extension's), the keyboard shortcuts as
 * the browser has them, and the privacy promise.
 */
import { browser } from 'wxt/browser';
import { formatRoute } from '../../lib/glossary-route';
import { i18n } from '../../lib/i18n';
import { glossary } from '../../lib/glossary';
import { ChangeShortcuts, ShortcutList, useShortcuts } from '../common/shortcuts';
import { useLens } from '../common/use-lens';
import { usePinned } from './use-pinned';

/** The example: the featured sentence of the glossary's first entry (一区五城), with its translation. */
function example() {
  const entry = glossary.entries[0]!;
  const context = entry.contexts[entry.featured?.context ?? 0]!;
  const document = glossary.documents.find((doc) => doc.id === context.document)!;
  return { sentence: glossary.sentences[context.sentence]!, translation: entry.featured?.translation, document };
}

const TRY_IT = {
  hover: 'welcome.tryHover',
  'shift-hover': 'welcome.tryShiftHover',
  click: 'welcome.tryClick',
} as const;

export function WelcomePage() {
  const settings = useLens(
    (term) =>
      void browser.tabs.create({
        url: `${browser.runtime.getURL('/glossary.html')}${formatRoute({ view: 'glossary', term })}`,
      }),
  );
  const shortcuts = useShortcuts();
  const pinned = usePinned();
  const { sentence, translation, document: source } = example();
  const page = (file: '/options.html' | '/glossary.html' | '/learn.html') => browser.runtime.getURL(file);

  return (
    <main class="welcome-page">
      {/* The lens runs on this page for the example sentence alone: the page's own words (焦作 in its name, and
          every Chinese line of the Chinese UI) are not reading matter (data-jpl-skip). */}
      <header class="welcome-header" data-jpl-skip>
        <h1>{i18n.t('welcome.title')}</h1>
        <p class="brand-zh" lang="zh-CN">
          焦作政策词汇助读
        </p>
        <p class="lead">{i18n.t('welcome.lead')}</p>
      </header>

      <section aria-labelledby="try-it">
        <h2 id="try-it" data-jpl-skip>
          {i18n.t('welcome.tryTitle')}
        </h2>
        <p data-jpl-skip>{i18n.t(TRY_IT[settings?.popoverTrigger ?? 'hover'])}</p>
        <figure class="welcome-example">
          <blockquote lang="zh-CN" id="welcome-example">
            {sentence}
          </blockquote>
          {translation ? <p class="translation">{translation}</p> : null}
          <figcaption class="muted" data-jpl-skip>
            <cite lang="zh-CN">{source.headline}</cite> · <span lang="zh-CN">{source.outlet}</span> · {source.period}
          </figcaption>
        </figure>
        <p class="muted">{i18n.t('welcome.everywhere')}</p>
      </section>

      <section aria-labelledby="pin" data-jpl-skip>
        <h2 id="pin">{i18n.t('welcome.pinTitle')}</h2>
        {pinned ? (
          <p class="pinned" role="status">
            {i18n.t('welcome.pinned')}
          </p>
        ) : (
          <p>
            {i18n.t(import.meta.env.FIREFOX ? 'welcome.pinFirefox' : 'welcome.pinChrome', {
              name: i18n.t('extension.name'),
            })}
          </p>
        )}
        <p class="muted">{i18n.t('welcome.pinWhy')}</p>
      </section>

      <section aria-labelledby="welcome-shortcuts" data-jpl-skip>
        <h2 id="welcome-shortcuts">{i18n.t('shortcuts.title')}</h2>
        <ShortcutList shortcuts={shortcuts} />
        <ChangeShortcuts />
      </section>

      <section aria-labelledby="privacy" class="privacy" data-jpl-skip>
        <h2 id="privacy">{i18n.t('welcome.privacyTitle')}</h2>
        <ul>
          <li>{i18n.t('welcome.privacyDevice')}</li>
          <li>{i18n.t('welcome.privacyNetwork')}</li>
          <li>{i18n.t('welcome.privacyNothing')}</li>
          <li>{i18n.t('welcome.privacySync')}</li>
        </ul>
      </section>

      <nav class="welcome-links" aria-label={i18n.t('welcome.next')} data-jpl-skip>
        <a href={page('/options.html')}>{i18n.t('welcome.settings')}</a>
        <a href={page('/glossary.html')}>{i18n.t('welcome.glossary')}</a>
        <a href={page('/learn.html')}>{i18n.t('welcome.learn')}</a>
      </nav>
    </main>
  );
}
