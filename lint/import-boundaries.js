/**
 * An ESLint rule that keeps the layers apart: each zone names the files it applies to (`from`) and what they
 * may not import (`disallow`), both as repository-relative path prefixes, or a package name for a bare import.
 * Relative imports are resolved against the importing file, so `../popup/x` and `../../components/popup/x`
 * are the same crossing. Type-only imports count too: a type from another layer is a dependency on it.
 *
 * Zones are given in eslint.config.js; tests/unit/lint-rules.test.ts lints a crossing of each.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const ROOT = dirname(dirname(new URL(import.meta.url).pathname));

/** 'lib/x.ts' or 'pinyin-pro' for an import of `specifier` from `file` (absolute), query strings dropped. */
function importedPath(file, specifier) {
  const bare = specifier.split('?')[0];
  if (!bare.startsWith('.') && !isAbsolute(bare)) return bare;
  return relative(ROOT, resolve(dirname(file), bare))
    .split(sep)
    .join('/');
}

/** Whether `path` is `prefix`, lies under it (a folder), or is it with an extension ('lib/x' and 'lib/x.ts'). */
function within(path, prefix) {
  const folder = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return path === prefix || path.startsWith(folder) || path.startsWith(`${prefix}.`);
}

export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids imports that cross the layers named in the zones' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            from: { type: 'array', items: { type: 'string' } },
            disallow: { type: 'array', items: { type: 'string' } },
            message: { type: 'string' },
          },
          required: ['from', 'disallow', 'message'],
          additionalProperties: false,
        },
      },
    ],
  },
  create(context) {
    const file = relative(ROOT, context.filename).split(sep).join('/');
    const zones = (context.options[0] ?? []).filter((zone) => zone.from.some((prefix) => within(file, prefix)));
    if (zones.length === 0) return {};
    const check = (node, source) => {
      if (typeof source?.value !== 'string') return;
      const target = importedPath(context.filename, source.value);
      for (const zone of zones) {
        const crossed = zone.disallow.find((prefix) => within(target, prefix));
        if (crossed) context.report({ node, message: `${zone.message} (${file} imports ${target})` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};
