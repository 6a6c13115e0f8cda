import { i18n } from '#i18n';

/**
 * The UI's words go through `i18n.t('key')` (locales/en.yml, locales/zh_CN.yml; the browser's language picks
 * one, English when it has no match). Keys, plurals and placeholders: README → Translations.
 */
export { i18n };

/** The language the messages are actually in (not the browser's, which may have no translation of its own). */
export function messagesLanguage(): string {
  return i18n.t('lang');
}

/** A count written the way the UI's language writes numbers (1,234 in both English and Chinese). */
export function formatCount(count: number): string {
  return count.toLocaleString(messagesLanguage());
}

/** An extension page declares its language (Chinese glyphs for Han characters, hyphenation) and a translated title. */
export function localizeDocument(title: string): void {
  document.documentElement.lang = messagesLanguage();
  document.title = title;
}
