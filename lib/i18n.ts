import { i18n, type GeneratedI18nStructure } from '#i18n';

/**
 * The UI's words go through `i18n.t('key')` (locales/en.yml, locales/zh_CN.yml; the browser's language picks
 * one, English when it has no match). Keys, counts and placeholders: docs/development.md → Translations.
 */
export { i18n };

export type MessageKey = keyof GeneratedI18nStructure;
/** The keys of messages without placeholders or plural forms. */
export type PlainKey = {
  [K in MessageKey]: GeneratedI18nStructure[K] extends {
    plural: false;
    substitutions: 0;
    namedSubstitutions?: undefined;
  }
    ? K
    : never;
}[MessageKey];
/** The keys with plural forms (0:, 1:, n:). */
export type CountKey = {
  [K in MessageKey]: GeneratedI18nStructure[K] extends { plural: true } ? K : never;
}[MessageKey];
/** `i18n.t` without the generated key types: for the helpers below, whose own signatures check the keys. */
const translate = i18n.t as (key: string, ...args: (number | string[])[]) => string;

/** The language the messages are in (not the browser's, which may have no translation of its own). */
export function messagesLanguage(): string {
  return i18n.t('lang');
}

/** A number written the way the UI's language writes it (1,234 in English and in Chinese alike). */
export function formatCount(count: number): string {
  return count.toLocaleString(messagesLanguage());
}

/** A count phrase ("3 terms", "3 个词条"): the key's form for the count, its `$1` the number. */
export function countText(key: CountKey, count: number): string {
  return translate(key, count, [formatCount(count)]);
}

/**
 * A message whose `{name}` placeholders are filled with UI pieces (an emphasised number, a styled site name)
 * rather than strings, where the translation puts them: `fill('popup.siteSwitchLabel', { site: <b>{site}</b> })`.
 * With a count, the message's plural form for it.
 */
export function fill<Piece>(key: MessageKey, pieces: Record<string, Piece>, count?: number): (string | Piece)[] {
  const message = count === undefined ? translate(key) : translate(key, count);
  return message.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 && part in pieces ? pieces[part]! : part));
}

/** An extension page declares its language (Chinese glyphs for Han characters, hyphenation) and a translated title. */
export function localizeDocument(title: string): void {
  document.documentElement.lang = messagesLanguage();
  document.title = title;
}
