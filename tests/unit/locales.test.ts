/**
 * The two message files: the same keys, the same placeholders, every count with its general form, every key
 * used by the code, and the Chinese actually translated (not English copied over).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

type Message = { key: string; forms: Record<string, string> };

/** The messages of a file, as @wxt-dev/i18n reads them: nested keys joined by dots; an object of 0/1/n forms is one count. */
function readMessages(file: string): Map<string, Message> {
  const messages = new Map<string, Message>();
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      if (entries.every(([form]) => form === 'n' || Number.isFinite(Number(form)))) {
        messages.set(path.join('.'), {
          key: path.join('.'),
          forms: Object.fromEntries(entries.map(([form, text]) => [form, String(text)])),
        });
      } else for (const [name, child] of entries) walk(child, [...path, name]);
    } else messages.set(path.join('.'), { key: path.join('.'), forms: { '': String(value) } });
  };
  walk(parse(readFileSync(join(ROOT, 'locales', file), 'utf8')), []);
  return messages;
}

/** `$1`…`$9` (not the escape `$$`) and `{name}`, over all of a message's forms. */
function placeholders(message: Message): string[] {
  const found = new Set<string>();
  for (const text of Object.values(message.forms)) {
    for (const [match] of text.matchAll(/(?<!\$)\$[1-9]|\{\w+\}/g)) found.add(match);
  }
  return [...found].sort();
}

const isCount = (message: Message) => !('' in message.forms);

const en = readMessages('en.yml');
const zh = readMessages('zh_CN.yml');

/** Chinese messages that are rightly not Chinese: language tags, the English name beside the Chinese one, a bare ratio. */
const NOT_CHINESE = new Set([
  'lang',
  'otherLang',
  'extension.otherName',
  'glossaryPage.otherHeading',
  'glossaryPage.filterCount',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('are the only two, English and Simplified Chinese', () => {
    expect(readdirSync(join(ROOT, 'locales')).sort()).toEqual(['en.yml', 'zh_CN.yml']);
  });

  it('have the same keys: none missing from Chinese, none left over in it', () => {
    const missing = [...en.keys()].filter((key) => !zh.has(key));
    const extra = [...zh.keys()].filter((key) => !en.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('have the same placeholders in both languages, and the same kind of message (count or not)', () => {
    for (const [key, message] of en) {
      const other = zh.get(key);
      if (!other) continue;
      expect(placeholders(other), key).toEqual(placeholders(message));
      expect(isCount(other), key).toBe(isCount(message));
    }
  });

  it('give every count a general form, and English a singular one', () => {
    for (const [key, message] of en) {
      if (!isCount(message)) continue;
      expect(Object.keys(message.forms), key).toContain('n');
      expect(Object.keys(message.forms), key).toContain('1');
      expect(Object.keys(zh.get(key)?.forms ?? {}), key).toContain('n');
    }
  });

  it('hold no " | " in a message, which @wxt-dev/i18n would take for a plural separator', () => {
    for (const message of [...en.values(), ...zh.values()]) {
      for (const text of Object.values(message.forms)) expect(text, message.key).not.toContain(' | ');
    }
  });

  it('are translated: every Chinese message has Chinese characters or punctuation (but a short, justified list)', () => {
    const untranslated = [...zh.values()]
      .filter((message) => !NOT_CHINESE.has(message.key))
      .filter((message) =>
        Object.values(message.forms).some((text) => !/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(text)),
      )
      .map((message) => message.key);
    expect(untranslated).toEqual([]);
  });

  it('are all used: each key is named in the code or the manifest (no stale keys)', () => {
    const code = [...['components', 'entrypoints', 'lib'].flatMap(sourceFiles), 'wxt.config.ts']
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    const unused = [...en.keys()].filter(
      (key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key.replaceAll('.', '_')}__`),
    );
    expect(unused).toEqual([]);
  });
});
