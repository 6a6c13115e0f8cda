/**
 * `npm run lint` runs knip (knip.json), which fails on an export that nothing imports: an API kept "just in
 * case" is dead code with a name. Proven on a copy of the repository (nothing is written into this one), first
 * as it is, then with one export added that nothing uses.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function knip(cwd: string) {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js'), '--no-progress'], {
    cwd,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('unused exports (knip.json)', () => {
  let copy = '';
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'jpl-knip-'));
    const tracked = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).stdout.split('\0');
    // Files of the work tree, committed or not (a deleted one is listed until it is staged).
    for (const file of tracked.filter((file) => file && existsSync(join(ROOT, file)))) {
      cpSync(join(ROOT, file), join(copy, file), { recursive: true });
    }
    // What the build and `wxt prepare` made, and the installed packages, as they are here.
    for (const made of ['.wxt', join('glossary', 'generated')])
      cpSync(join(ROOT, made), join(copy, made), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('passes on the code as it is', () => {
    const clean = knip(copy);
    expect(clean.output).not.toMatch(/Unused/);
    expect(clean.status).toBe(0);
  }, 60_000);

  it('fails, naming it, on an export that nothing imports', () => {
    const file = join(copy, 'lib', 'csv.ts');
    appendFileSync(file, '\nexport const neverImported = 1;\n');
    const dirty = knip(copy);
    expect(dirty.status).not.toBe(0);
    expect(dirty.output).toMatch(/neverImported\s+lib\/csv\.ts/);
  }, 60_000);
});
