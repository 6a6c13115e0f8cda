/**
 * `npm run --silent glossary -- build`            validate and write glossary/generated/ (with the dictionary)
 * `npm run --silent glossary -- export --format json|csv`   every entry with its contexts, on stdout only
 */
import { GlossaryError } from './compiler/schema';
import { GENERATED_DIR, compileGlossary, writeGlossary } from './compiler/build';
import { DictionarySourceError, writeDictionary } from './compiler/dictionary';
import { exportCsv, exportJson } from './compiler/export';

function main(args: string[]): void {
  const [command, ...rest] = args;
  if (command === 'build') {
    const { data, matcher } = writeGlossary();
    const overrides = data.entries.filter((entry) => entry.pinyinReason).length;
    const contexts = data.entries.reduce((sum, entry) => sum + entry.contexts.length, 0);
    console.error(
      `glossary: ${data.entries.length} entries, ${contexts} contexts, ${overrides} pinyin overrides, ` +
        `${matcher.trie.childCounts.length} trie nodes → glossary/generated/`,
    );
    const dictionary = writeDictionary(GENERATED_DIR);
    console.error(`dictionary: ${dictionary.entries} entries of ${dictionary.package} → glossary/generated/`);
    return;
  }
  if (command === 'export') {
    const formatAt = rest.indexOf('--format');
    const format = formatAt >= 0 ? rest[formatAt + 1] : 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError(`unknown --format "${format}": use json or csv`);
    const { data } = compileGlossary();
    process.stdout.write(format === 'json' ? exportJson(data) : exportCsv(data));
    return;
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
}

class UsageError extends Error {}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof GlossaryError || error instanceof DictionarySourceError) console.error(error.message);
  else if (error instanceof UsageError)
    console.error(`glossary: ${error.message}\nusage: glossary build | glossary export [--format json|csv]`);
  else throw error;
  process.exitCode = 1;
}
