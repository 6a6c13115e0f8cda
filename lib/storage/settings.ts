/**
 * A group of settings in one storage.sync item, each field with its default and its allowed values. Reading
 * never fails on what is stored: a field that is missing, misspelt or of the wrong type (a hand edit,
 * corruption) falls back to its default on its own, and the others stay. Writing keeps fields this version does
 * not know (a newer version's, synced from another browser), and a refused write (storage.sync's quotas: 8 KB
 * an item, ~100 KB in all, 120 writes a minute) throws a StorageFault that names it.
 */
import { writeFault } from './faults';
import { lazyItem } from './item';

export interface SettingsGroup<Settings extends object> {
  readonly defaults: Readonly<Settings>;
  /** The settings from whatever is stored. */
  parse(stored: unknown): Settings;
  read(): Promise<Settings>;
  /** Calls back with the settings at every change; returns the function that stops watching. */
  watch(onChange: (settings: Settings) => void): () => void;
  /** Changes some settings, keeping the others as stored; returns the settings now in force. */
  update(change: Partial<Settings>): Promise<Settings>;
  /** Puts every setting of the group back to its default (fields of a newer version stay). */
  reset(): Promise<Settings>;
}

export function defineSettings<Settings extends object>(
  key: `sync:${string}`,
  defaults: Readonly<Settings>,
  /** Each field's allowed values, or a test of a value (a list of terms has too many to name). */
  choices: { [K in keyof Settings]: readonly Settings[K][] | ((value: unknown) => boolean) },
): SettingsGroup<Settings> {
  const item = lazyItem(key);
  const fields = Object.keys(choices) as (keyof Settings)[];
  const asRecord = (stored: unknown): Record<string, unknown> =>
    typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};

  const parse = (stored: unknown): Settings => {
    const record = asRecord(stored);
    const settings: Settings = { ...defaults };
    for (const field of fields) {
      const value = record[field as string];
      const allowed = choices[field];
      if (typeof allowed === 'function' ? allowed(value) : (allowed as readonly unknown[]).includes(value))
        settings[field] = value as Settings[typeof field];
    }
    return settings;
  };
  const read = async () =>
    parse(
      await item()
        .getValue()
        .catch(() => null),
    );
  const write = async (change: Partial<Settings>): Promise<Settings> => {
    try {
      const stored = asRecord(await item().getValue());
      const next = parse({ ...stored, ...change });
      await item().setValue({ ...stored, ...next });
      return next;
    } catch (error) {
      throw writeFault(error, { action: 'settings' });
    }
  };
  return {
    defaults,
    parse,
    read,
    watch: (onChange) => item().watch((stored) => onChange(parse(stored))),
    update: write,
    reset: () => write(defaults),
  };
}
