// Every third-party import is declared where it is used: a package's sources by its `dependencies` (they
// ship in the release), its tests by its own or the root's `devDependencies`; nothing declared goes unused.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.ts';

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
const WORKSPACES = [...readdirSync(join(ROOT, 'packages')).map((name) => `packages/${name}`), 'cli'];
/** Imported by name only for types, or provided by another declared package. */
const TYPES_ONLY = new Set(['vitest']);

function* tsFiles(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    // Fixtures are inputs, not code; bench/out holds installed packages.
    if (statSync(path).isDirectory()) {
      if (!['node_modules', 'fixtures', 'out'].includes(entry)) yield* tsFiles(path);
    } else if (entry.endsWith('.ts')) yield path;
  }
}

/** Package names a folder's files import (static, dynamic, require), without node: builtins or workspace ones. */
function importedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of tsFiles(join(ROOT, dir))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*|^import\s+)['"]([^'".][^'"]*)['"]/gm)) {
      const spec = m[1] ?? '';
      if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
      if (!name.startsWith('@plandiff/')) names.add(name);
    }
  }
  return names;
}

describe('dependency declarations', () => {
  for (const dir of WORKSPACES) {
    it(`${dir}: sources import only its dependencies, and use each`, () => {
      const declared = Object.keys(manifest(dir).dependencies ?? {}).filter((n) => !n.startsWith('@plandiff/'));
      const used = importedPackages(`${dir}/src`);
      if (dir === 'cli') used.add('tsx'); // cli/bin runs a checkout through tsx
      expect([...used].filter((n) => !declared.includes(n)).sort(), 'imported but not in dependencies').toEqual([]);
      expect(declared.filter((n) => !used.has(n)).sort(), 'in dependencies but never imported').toEqual([]);
    });

    it(`${dir}: tests import only declared packages`, () => {
      const own = manifest(dir);
      const root = manifest('.');
      const declared = new Set([
        ...Object.keys(own.dependencies ?? {}),
        ...Object.keys(own.devDependencies ?? {}),
        ...Object.keys(root.devDependencies ?? {}),
      ]);
      const missing = [...importedPackages(`${dir}/test`)].filter((n) => !declared.has(n) && !TYPES_ONLY.has(n));
      expect(missing.sort()).toEqual([]);
    });
  }

  it('root tests and benches import only declared packages', () => {
    const root = manifest('.');
    const declared = new Set([...Object.keys(root.devDependencies ?? {}), ...Object.keys(root.dependencies ?? {})]);
    const used = new Set([...importedPackages('test'), ...importedPackages('bench'), ...importedPackages('scripts')]);
    expect([...used].filter((n) => !declared.has(n) && !TYPES_ONLY.has(n)).sort()).toEqual([]);
  });
});
