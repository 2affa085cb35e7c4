// This test reads the files it checks, so it alone needs the file system and a parser; both
// imports are named in SELF_IMPORTS below and allowed for this file only.
// eslint-disable-next-line no-restricted-imports -- the purity scan reads workflows/src from disk
import { readdirSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- resolves relative imports to check they stay inside
import { dirname, join, relative, resolve, sep } from 'node:path';
// eslint-disable-next-line no-restricted-imports -- locates workflows/src from this file
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// workflows/ is the law: pure, framework-free, no clock, no randomness, no environment
// (STYLE.md, Boundary rules). ESLint enforces the same in the editor; this test fails the build.

const SRC = dirname(fileURLToPath(import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const SELF_IMPORTS = ['node:fs', 'node:path', 'node:url', 'typescript'];
const RUNTIME_IMPORTS = ['xstate', 'xstate/graph'];
const TEST_IMPORTS = ['@jest/globals', 'fast-check'];

/** Globals whose use reads a clock, randomness or the environment, by `object.member`. */
const FORBIDDEN_MEMBERS: Record<string, string> = {
  'Date.now': 'Date.now() reads the clock: take `now` from the command',
  'Math.random': 'Math.random() is randomness: take ids from the command',
  'process.env': 'process.env is configuration: pass it in as a parameter',
  'performance.now': 'performance.now() reads the clock',
  'crypto.randomUUID': 'crypto.randomUUID() is randomness: take ids from the command',
  'crypto.getRandomValues': 'crypto.getRandomValues() is randomness',
};

export type Impurity = { file: string; line: number; problem: string };

/** Test code: a spec, a `*.fixtures.ts` builder, or a helper under testing/ (path inside src). */
const isTestFile = (file: string) =>
  file.endsWith('.spec.ts') ||
  file.endsWith('.fixtures.ts') ||
  relative(SRC, file).split(sep).includes('testing');

/** Tests may read the repository's JSON fixtures (copied from the shared seeds into test/fixtures). */
const FIXTURES = resolve(SRC, '..', '..', 'test', 'fixtures');
const isJsonFixture = (target: string) =>
  target.startsWith(FIXTURES + sep) && target.endsWith('.json');

/** The last name of `a.b.C` or `C`, so `globalThis.Date` counts as `Date`. */
function lastName(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

function memberName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) {
    const object = lastName(node.expression);
    return object && `${object}.${node.name.text}`;
  }
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    const object = lastName(node.expression);
    return object && `${object}.${node.argumentExpression.text}`;
  }
  return undefined;
}

function importProblem(file: string, specifier: string): string | undefined {
  if (file === SELF && SELF_IMPORTS.includes(specifier)) return undefined;
  if (RUNTIME_IMPORTS.includes(specifier)) return undefined;
  if (isTestFile(file) && TEST_IMPORTS.includes(specifier)) return undefined;
  if (!specifier.startsWith('.'))
    return `imports '${specifier}': workflows/ imports only xstate and itself`;
  const target = resolve(dirname(file), specifier);
  if (isTestFile(file) && isJsonFixture(target)) return undefined;
  if (!target.startsWith(SRC + sep)) return `imports '${specifier}', outside workflows/src`;
  if (!isTestFile(file) && isTestFile(target.replace(/\.js$/, '.ts'))) {
    return `imports '${specifier}': production code must not depend on test code`;
  }
  return undefined;
}

function moduleSpecifierOf(node: ts.Node): ts.Expression | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    return node.moduleReference.expression;
  }
  if (ts.isCallExpression(node)) {
    const dynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
    const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
    if (dynamicImport || required) return node.arguments[0] ?? node.expression;
  }
  return undefined;
}

function syntaxProblem(node: ts.Node): string | undefined {
  if (ts.isNewExpression(node) && lastName(node.expression) === 'Date' && !node.arguments?.length) {
    return 'new Date() without an argument reads the clock: take `now` from the command';
  }
  if (
    ts.isCallExpression(node) &&
    lastName(node.expression) === 'Date' &&
    !ts.isPropertyAccessExpression(node.expression)
  ) {
    return 'Date() reads the clock: take `now` from the command';
  }
  const member = memberName(node);
  return member === undefined ? undefined : FORBIDDEN_MEMBERS[member];
}

/** Every forbidden import and clock/randomness/environment access in one source file. */
export function findImpurities(file: string, text: string): Impurity[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Impurity[] = [];
  const report = (node: ts.Node, problem: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ file: relative(SRC, file), line: line + 1, problem });
  };
  const visit = (node: ts.Node): void => {
    const specifier = moduleSpecifierOf(node);
    if (specifier && ts.isStringLiteralLike(specifier)) {
      const problem = importProblem(file, specifier.text);
      if (problem) report(node, problem);
    } else if (specifier) {
      report(node, 'imports a computed module name: workflows/ imports only xstate and itself');
    }
    const problem = syntaxProblem(node);
    if (problem) report(node, problem);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function typeScriptFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name))
    .sort();
}

describe('workflows/ purity', () => {
  describe('the scanner', () => {
    const core = join(SRC, 'core', 'example.ts');
    const spec = join(SRC, 'core', 'example.spec.ts');
    const problemsIn = (text: string, file = core) =>
      findImpurities(file, text).map((i) => i.problem);

    it('accepts xstate, xstate/graph and relative imports inside workflows/src', () => {
      const text = [
        "import { setup } from 'xstate';",
        "import { getShortestPaths } from 'xstate/graph';",
        "import type { Rule } from './rule.js';",
        "export * from '../core/decider.js';",
        "const later = new Date('2024-05-15T09:00:00+08:00');",
        "const parsed = Date.parse('2024-05-15');",
      ].join('\n');
      expect(problemsIn(text)).toEqual([]);
    });

    it.each([
      ["import { Injectable } from '@nestjs/common';", /'@nestjs\/common'/],
      ["import type { EventStore } from '@jejak/event-store';", /'@jejak\/event-store'/],
      ["import { readFileSync } from 'node:fs';", /'node:fs'/],
      ["import fs from 'fs';", /'fs'/],
      ["export { x } from 'class-validator';", /'class-validator'/],
      ["import pg = require('pg');", /'pg'/],
      ["const m = await import('ioredis');", /'ioredis'/],
      ["const m = require('bullmq');", /'bullmq'/],
      ["const name = 'x'; const m = await import(name);", /computed module name/],
      ["import { x } from '../../../libs/auth/src/index.js';", /outside workflows\/src/],
      [
        "import { given } from '../testing/decider-specification.js';",
        /must not depend on test code/,
      ],
      ["import fc from 'fast-check';", /'fast-check'/],
    ])('flags %s', (text, problem) => {
      expect(problemsIn(text)).toEqual([expect.stringMatching(problem)]);
    });

    it.each([
      ['const t = new Date();', /new Date\(\)/],
      ['const t = new Date;', /new Date\(\)/],
      ['const t = new globalThis.Date();', /new Date\(\)/],
      ['const t = Date();', /Date\(\) reads the clock/],
      ['const t = Date.now();', /Date\.now/],
      ['const t = globalThis.Date.now();', /Date\.now/],
      ['const n = Math.random();', /Math\.random/],
      ['const e = process.env.TZ;', /process\.env/],
      ["const e = process['env'];", /process\.env/],
      ['const { env } = globalThis.process.env;', /process\.env/],
      ['const t = performance.now();', /performance\.now/],
      ['const id = crypto.randomUUID();', /randomUUID/],
    ])('flags %s', (text, problem) => {
      expect(problemsIn(text)).toEqual([expect.stringMatching(problem)]);
    });

    it('lets tests read JSON fixtures from test/fixtures, and nothing else outside', () => {
      const fixture =
        "import f from '../../../test/fixtures/ntt-2024-jptp.json' with { type: 'json' };";
      const script = "import s from '../../../test/support/test-app.js';";
      expect(problemsIn(fixture, spec)).toEqual([]);
      expect(problemsIn(fixture)).toEqual([expect.stringMatching(/outside workflows\/src/)]);
      expect(problemsIn(script, spec)).toEqual([expect.stringMatching(/outside workflows\/src/)]);
    });

    it('counts *.fixtures.ts builders as test code', () => {
      const builders = join(SRC, 'core', 'example.fixtures.ts');
      const text = "import { command } from '../testing/decider-specification.js';";
      expect(problemsIn(text, builders)).toEqual([]);
      expect(problemsIn("import { at } from './example.fixtures.js';")).toEqual([
        expect.stringMatching(/must not depend on test code/),
      ]);
    });

    it('lets tests use @jest/globals and fast-check, but not the clock', () => {
      const text =
        "import { jest } from '@jest/globals';\nimport fc from 'fast-check';\nconst t = Date.now();";
      expect(findImpurities(spec, text)).toEqual([
        {
          file: join('core', 'example.spec.ts'),
          line: 3,
          problem: expect.stringMatching(/Date\.now/),
        },
      ]);
    });

    it('does not take a string or a comment for code', () => {
      expect(
        problemsIn("// Date.now() and new Date()\nconst s = 'Math.random() process.env';"),
      ).toEqual([]);
    });
  });

  describe('workflows/src', () => {
    const files = typeScriptFilesUnder(SRC);

    it('finds the sources it must check', () => {
      const names = files.map((file) => relative(SRC, file));
      expect(names).toEqual(
        expect.arrayContaining(['index.ts', join('core', 'decider.ts'), 'purity.spec.ts']),
      );
    });

    it('imports only xstate and itself, and never reads a clock, randomness or the environment', () => {
      const impurities = files.flatMap((file) => findImpurities(file, readFileSync(file, 'utf8')));
      const report = impurities.map(({ file, line, problem }) => `${file}:${line} ${problem}`);
      expect(report).toEqual([]);
    });
  });
});
