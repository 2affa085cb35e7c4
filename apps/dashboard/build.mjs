#!/usr/bin/env node
// Builds the dashboard into apps/dashboard/dist: every src/**/*.ts(x) transpiled by swc to an ES
// module (no bundler: the browser loads the modules as they are), Preact vendored from
// node_modules, bare imports rewritten to relative paths (no import map, so the page runs under a
// strict Content-Security-Policy with no inline script), and the static files of public/ copied.
// Type checking is `tsc -p apps/dashboard/tsconfig.json` (npm run typecheck).
import { transformFileSync } from '@swc/core';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
// Built beside, then swapped in: a server serving dist/ sees the old or the new build, never half.
const out = join(root, `dist.${process.pid}.tmp`);
const require = createRequire(import.meta.url);
const preactDir = dirname(require.resolve('preact/package.json'));

/** Bare specifier -> file under dist/vendor (the only third-party code the page loads). */
const VENDOR = {
  preact: { from: 'dist/preact.mjs', to: 'preact.js' },
  'preact/hooks': { from: 'hooks/dist/hooks.mjs', to: 'preact-hooks.js' },
  'preact/jsx-runtime': { from: 'jsx-runtime/dist/jsxRuntime.mjs', to: 'preact-jsx-runtime.js' },
};

const SPECIFIER = /(\bfrom\s*|\bimport\s*)(["'])([^"']+)\2/g;

/** Rewrites bare imports to the vendored files, relative to the importing file. */
function rewriteImports(code, file) {
  return code.replace(SPECIFIER, (match, keyword, quote, specifier) => {
    const vendor = VENDOR[specifier];
    if (vendor === undefined) {
      if (!specifier.startsWith('.')) throw new Error(`${file}: unknown bare import ${specifier}`);
      return match;
    }
    let path = relative(dirname(file), join(out, 'vendor', vendor.to)).split(sep).join(posix.sep);
    if (!path.startsWith('.')) path = `./${path}`;
    return `${keyword}${quote}${path}${quote}`;
  });
}

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    if (!/\.tsx?$/.test(entry.name) || /\.(spec|test)\.tsx?$/.test(entry.name)) return [];
    return [path];
  });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendor'), { recursive: true });
process.on('exit', () => rmSync(out, { recursive: true, force: true }));

for (const vendor of Object.values(VENDOR)) {
  const target = join(out, 'vendor', vendor.to);
  const code = readFileSync(join(preactDir, vendor.from), 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/m, '');
  writeFileSync(target, rewriteImports(code, target));
}

let count = 0;
for (const file of sources(src)) {
  const target = join(out, 'app', relative(src, file)).replace(/\.tsx?$/, '.js');
  const { code } = transformFileSync(file, {
    swcrc: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: file.endsWith('.tsx') },
      transform: { react: { runtime: 'automatic', importSource: 'preact' } },
    },
    module: { type: 'es6' },
    minify: false,
  });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, rewriteImports(code, target));
  count += 1;
}

cpSync(join(root, 'public'), out, { recursive: true });
const preactVersion = JSON.parse(readFileSync(join(preactDir, 'package.json'), 'utf8')).version;
writeFileSync(
  join(out, 'build.json'),
  `${JSON.stringify({ modules: count, preact: preactVersion }, null, 2)}\n`,
);
rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);
process.stdout.write(`dashboard: ${count} modules and Preact ${preactVersion} -> ${relative(process.cwd(), dist) || dist}\n`);
