/**
 * Installs that reproduce: `npm ci` on any contributor's machine installs exactly the lock, so the lock must
 * list the native packages of every platform (npm writes only the current platform's when the lock is made
 * by an install that skipped the others), and package.json's `engines` must say what the toolchain needs.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  os?: string[];
  cpu?: string[];
  engines?: { node?: string };
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };

/** Where npm would install a dependency of the package at `path` (nested first, then hoisted). */
function resolveLocked(path: string, name: string): LockedPackage | undefined {
  for (let dir = path; ; dir = dir.slice(0, dir.lastIndexOf('/node_modules/'))) {
    const found = lock.packages[`${dir}/node_modules/${name}`];
    if (found) return found;
    if (!dir.includes('/node_modules/')) return lock.packages[`node_modules/${name}`];
  }
}

const PLATFORMS = ['linux', 'darwin', 'win32'].flatMap((os) => ['x64', 'arm64'].map((cpu) => ({ os, cpu })));

describe('package-lock.json', () => {
  for (const bundler of ['rollup', 'esbuild']) {
    const copies = Object.entries(lock.packages).filter(
      ([path]) => path === `node_modules/${bundler}` || path.endsWith(`/node_modules/${bundler}`),
    );

    it(`lists ${bundler}'s native package for every platform it declares, for each copy of ${bundler}`, () => {
      expect(copies.length).toBeGreaterThan(0);
      for (const [path, locked] of copies) {
        const natives = Object.keys(locked.optionalDependencies ?? {});
        expect(natives.length, `${path} declares its native packages`).toBeGreaterThan(10);
        const missing = natives.filter((name) => !resolveLocked(path, name));
        expect(missing, `${path}@${locked.version}: optional packages absent from the lock`).toEqual([]);
      }
    });

    it(`has ${bundler} binaries for linux, darwin and win32, x64 and arm64`, () => {
      for (const [path, locked] of copies) {
        const natives = Object.keys(locked.optionalDependencies ?? {}).map((name) => resolveLocked(path, name));
        for (const { os, cpu } of PLATFORMS) {
          const found = natives.some((native) => native?.os?.includes(os) && native.cpu?.includes(cpu));
          expect(found, `${path}: a native package for ${os}-${cpu}`).toBe(true);
        }
      }
    });
  }
});

/**
 * Packages that declare a newer Node than the project supports, and why that is safe: the whole test suite
 * (CI included) runs on Node 20, the oldest line `engines` allows.
 */
const TESTED_BELOW_DECLARED: Record<string, string> = {
  'node_modules/wxt': 'WXT 0.21 declares Node >= 22; builds, dev mode and every test run on Node 20 here',
  'node_modules/@topcli/prompts': "WXT's prompt library (used by `wxt init` only); declares Node >= 22",
};

describe('package.json engines', () => {
  const ours = manifest.engines.node;

  it('admits only Node versions that every locked package accepts, or that this suite runs on', () => {
    const narrower = Object.entries(lock.packages)
      .filter(([path, locked]) => path !== '' && locked.engines?.node && !semver.subset(ours, locked.engines.node))
      .map(([path, locked]) => `${path} (${locked.engines!.node})`)
      .filter((entry) => !Object.keys(TESTED_BELOW_DECLARED).some((path) => entry.startsWith(`${path} `)));
    expect(narrower).toEqual([]);
  });

  it('admits the Node that runs these tests, so that what it runs on is tested', () => {
    expect(semver.satisfies(process.version, ours), `${process.version} within ${ours}`).toBe(true);
  });

  it('names each exception to a declared engine for a package that is still locked', () => {
    for (const path of Object.keys(TESTED_BELOW_DECLARED)) expect(lock.packages[path], path).toBeDefined();
  });
});
