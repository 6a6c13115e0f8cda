/**
 * The built manifests, pinned: what the extension may do (permissions, hosts, content scripts and where they
 * run), and what pages may reach (no web-accessible resources, no externally_connectable, the default content
 * security policy). Any change here must be deliberate: the failure says what to update.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const FIREFOX_DIR = resolve(EXTENSION_DIR, '..', 'firefox-mv3');

const CONTENT_SCRIPTS = [
  {
    matches: ['<all_urls>'],
    all_frames: true,
    match_about_blank: true,
    match_origin_as_fallback: true,
    run_at: 'document_idle',
    js: ['content-script.js'],
  },
];

/** What each build must declare; `undefined` means the key must be absent. */
const PINNED = {
  permissions: ['storage', 'contextMenus', 'activeTab'],
  host_permissions: undefined,
  optional_permissions: undefined,
  optional_host_permissions: ['http://127.0.0.1:8765/*'],
  content_scripts: CONTENT_SCRIPTS,
  // The popover's UI, imported by the content script on first use (lib/content/popover-host.ts).
  web_accessible_resources: [{ resources: ['popover-view.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
  externally_connectable: undefined,
  content_security_policy: undefined,
  sandbox: undefined,
};

const FIREFOX_ONLY = {
  // Firefox's extension addresses are per install already; it has no use_dynamic_url.
  web_accessible_resources: [{ resources: ['popover-view.js'], matches: ['<all_urls>'] }],
  browser_specific_settings: {
    gecko: {
      id: 'jiaozuo-policy-lens@policy-lens.org',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: '142.0' },
  },
};

const HOW_TO_UPDATE =
  'changed in the built manifest. If that is deliberate, update the permission list in README.md (Permissions) and the pin in tests/browser/manifest.test.ts.';

function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

describe('the built manifests', () => {
  beforeAll(() => {
    // The Chrome build comes from global-setup; the Firefox one is built here (JPL_SKIP_BUILD=1 reuses it).
    if (process.env.JPL_SKIP_BUILD === '1' && existsSync(join(FIREFOX_DIR, 'manifest.json'))) return;
    const result = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], {
      cwd: resolve(EXTENSION_DIR, '..', '..'),
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`wxt build -b firefox --mv3 failed:\n${result.stdout}\n${result.stderr}`);
  }, 120_000);

  it.each([
    ['Chrome', EXTENSION_DIR, {}],
    ['Firefox', FIREFOX_DIR, FIREFOX_ONLY],
  ] as const)('%s: permissions, hosts, content scripts and page reach are as pinned', (_browser, dir, extra) => {
    const manifest = readManifest(dir);
    expect(manifest.manifest_version).toBe(3);
    for (const [key, pinned] of Object.entries({ ...PINNED, ...extra })) {
      expect(manifest[key], `"${key}" ${HOW_TO_UPDATE}`).toEqual(pinned);
    }
  });

  it('a release build writes no timing marks, whatever the page asks (the Firefox build here is made without WXT_TIMING)', () => {
    const timed = readFileSync(join(EXTENSION_DIR, 'content-script.js'), 'utf8');
    const release = readFileSync(join(FIREFOX_DIR, 'content-script.js'), 'utf8');
    expect(timed).toContain('data-jpl-timing');
    expect(release).not.toContain('data-jpl-timing');
  });

  it('README lists every permission the manifest asks for', () => {
    const readme = readFileSync(resolve(EXTENSION_DIR, '..', '..', 'README.md'), 'utf8');
    const permissions = readManifest(EXTENSION_DIR);
    for (const permission of [
      ...(permissions.permissions as string[]),
      ...(permissions.optional_host_permissions as string[]),
    ]) {
      expect(readme, `README.md (Permissions) does not mention ${permission}`).toContain(`\`${permission}\``);
    }
  });
});
