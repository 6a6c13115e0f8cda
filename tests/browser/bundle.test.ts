/**
 * The content script runs on every page load, so it must carry neither pinyin-pro (the build's tool) nor the
 * full glossary (loaded by the background and pages only). Each marker is first shown to be present where it
 * must be, so that its absence from the content script means something.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, GLOSSARY_JSON } from './harness';
import type { GlossaryData } from '../../lib/glossary-types';

const contentScript = readFileSync(join(EXTENSION_DIR, 'content-script.js'), 'utf8');
const background = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');

describe('the content-script bundle', () => {
  it('does not contain pinyin-pro', async () => {
    // pinyin-pro reads its options by name; minified bundles keep the name.
    const marker = 'toneSandhi';
    const bundled = await build({
      stdin: {
        contents: "import { pinyin } from 'pinyin-pro'; console.log(pinyin('焦作'));",
        resolveDir: process.cwd(),
      },
      bundle: true,
      minify: true,
      write: false,
    });
    expect(bundled.outputFiles[0]!.text).toContain(marker);
    expect(contentScript).not.toContain(marker);
  });

  it('does not contain the glossary entries (they come from the background on demand)', () => {
    const glossary = JSON.parse(readFileSync(GLOSSARY_JSON, 'utf8')) as GlossaryData;
    const markers = glossary.entries
      .map((entry) => (entry.explanation.match(/[A-Za-z0-9 ,.-]{30,}/g) ?? [])[0])
      .filter((marker): marker is string => marker !== undefined);
    expect(markers.length).toBeGreaterThan(glossary.entries.length / 2);
    for (const marker of markers) {
      expect(background).toContain(marker);
      expect(contentScript).not.toContain(marker);
    }
  });

  it('stays under 60 KB gzip', () => {
    expect(gzipSync(contentScript).length).toBeLessThan(60 * 1024);
  });
});
