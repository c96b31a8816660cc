/**
 * The boundaries the build enforces (`npm run lint`; docs/architecture.md).
 * Paths are relative to the repository root. A type-only import (`import type`)
 * is exempt only where it is harmless: it never reaches the browser bundle or
 * the running server, so cycles of types and the contract's type of an access
 * rule do not count; anything that runs does.
 */

// Feature modules that both the server and the browser load (form definitions, call templates, representation
// goals, the Markdown renderer): browser code by these rules, so nothing of the server reaches them either.
const shared = '^src/features/(calls/(form|templates)|membership/representation|groups/markdown)[.]ts$';
// Code that runs in the browser.
const browser = ['^src/web/', '^src/features/[^/]+/web/', shared];
// Platform modules the browser may load: zod and each other only (see the rule).
const browserSafePlatform = '^src/platform/(http/(contract|ref|codes|links)|i18n/(text|names)|auth/roles)[.]ts$';
const contract = '^src/features/[^/]+/contract[.]ts$';
// Where the program starts: the CLI (bin/wuzhen.js), the web app (index.html), the tables for drizzle-kit.
const entryPoints = ['^src/main[.]ts$', '^src/web/main[.]tsx$', '^src/schema[.]ts$'];
// Tests and what only tests use.
const tests = [
  '[.]test[.]tsx?$',
  '^tests/',
  '^src/test/',
  '^src/features/[^/]+/testkit[.]ts$',
  '^src/platform/assignment/solver[.]reference[.]ts$', // the exact solver the assignment tests compare with
  '^src/platform/security/json-schema-arbitrary[.]ts$', // inputs for the fuzz test
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'feature-front-door',
      comment:
        'A feature reaches another feature only through its front door: index.ts (what other features may use), contract.ts (the API) or, from web code, web/index.tsx (its pages).',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/', pathNot: tests },
      to: {
        path: '^src/features/[^/]+/',
        pathNot: ['^src/features/$1/', '^src/features/[^/]+/(index|contract)[.]ts$', '^src/features/[^/]+/web/index[.]tsx$'],
      },
    },
    {
      name: 'feature-front-door-tests',
      comment: "A feature's tests reach another feature like its code does, plus that feature's testkit.ts (builders of its test data).",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/(.+[.]test[.]tsx?|testkit[.]ts)$' },
      to: {
        path: '^src/features/[^/]+/',
        pathNot: ['^src/features/$1/', '^src/features/[^/]+/(index|contract|testkit)[.]ts$'],
      },
    },
    {
      name: 'platform-not-features',
      comment: 'The platform is the machinery features stand on; it never imports a feature (its tests may, to walk every route).',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: tests },
      to: { path: '^src/features/' },
    },
    {
      name: 'browser-only-browser-code',
      comment:
        'Browser code imports browser code, feature contracts and the browser-safe platform modules only: nothing of the server reaches the bundle.',
      severity: 'error',
      from: { path: browser },
      to: {
        path: '^src/',
        pathNot: [...browser, contract, browserSafePlatform],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'browser-no-node',
      comment: 'Browser code never imports a Node.js built-in module.',
      severity: 'error',
      from: { path: browser },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-only-zod',
      comment:
        'A contract (and a browser-safe platform module) imports zod, the browser-safe platform modules and other contracts only, so the browser loads it as is.',
      severity: 'error',
      from: { path: [contract, browserSafePlatform] },
      to: {
        pathNot: [contract, browserSafePlatform, shared, '(^|/)node_modules/zod/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, server or web (cycles of type-only imports do not run and are allowed).',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-unreachable',
      comment: 'Every module in src is reached from an entry point or a test: no dead code (an orphan is unreachable too).',
      severity: 'error',
      from: { path: [...entryPoints, ...tests] },
      to: { path: '^src/', pathNot: [...entryPoints, ...tests, '[.]d[.]ts$'], reachable: false },
    },
    {
      name: 'server-not-dev-deps',
      comment: 'Server code that runs in production does not import a devDependency (it is not installed there).',
      severity: 'error',
      from: { path: '^src/', pathNot: [...browser, ...tests] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: '^dist/' },
    preserveSymlinks: true, // node_modules may be a link to a shared install
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    // A second run reads unchanged files' imports from here (a few seconds less).
    cache: { folder: '.cache/dependency-cruiser', strategy: 'content' },
  },
};
