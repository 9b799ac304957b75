// ESLint flat config: typescript-eslint's strict type-checked rules, plus the folder layers of README "Development" as rules.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['health', 'sparql-endpoint', 'queries', 'linked-data', 'persons', 'citations', 'validation', 'reconciliation', 'tables', 'curation'];

// Which features each feature builds on, always through their index.ts. Stated one way only, so two feature
// folders can never lean on each other, even where no file-level cycle would show it.
const featureUses = {
  health: [],
  'sparql-endpoint': [],
  queries: [],
  'linked-data': ['tables'],
  citations: [],
  validation: [],
  reconciliation: ['queries'],
  tables: [],
  persons: ['citations', 'linked-data', 'queries'],
  curation: ['validation'],
};

// Which layer each file belongs to; patterns are relative to the working directory (the repository, or a fixture tree in test/lint/).
const elements = [
  { type: 'errors', pattern: 'src/errors' },
  { type: 'vocabulary', pattern: 'src/vocabulary' },
  { type: 'config', pattern: 'src/config' },
  { type: 'store', pattern: 'src/store' },
  { type: 'dataset', pattern: 'src/dataset' },
  { type: 'engine', pattern: 'src/engine' },
  { type: 'formats', pattern: 'src/formats' },
  { type: 'local-backend', pattern: 'src/backends/local' },
  { type: 'sparql-backend', pattern: 'src/backends/sparql' },
  { type: 'open-store', pattern: 'src/backends/open-store.ts', mode: 'file' },
  { type: 'http', pattern: 'src/http' },
  ...features.map((feature) => ({ type: feature, pattern: `src/${feature}` })),
  { type: 'composition', pattern: 'src/+(app|server).ts', mode: 'file' },
  { type: 'composition', pattern: 'src/cli' },
];

const base = ['errors', 'vocabulary', 'config'];

// The README table, one line per layer: what it may import besides itself (a feature reaches another feature only through index.ts).
const mayImport = {
  errors: [],
  vocabulary: ['errors'],
  config: ['errors', 'vocabulary'],
  store: [...base],
  dataset: [...base, 'store'],
  engine: [...base, 'store'],
  formats: [...base, 'store', 'engine'],
  'local-backend': [...base, 'store', 'dataset', 'engine', 'formats'],
  // The SPARQL backend reuses the engine's query analyser (refusals after parsing), never the local backend.
  'sparql-backend': [...base, 'store', 'dataset', 'engine', 'formats'],
  'open-store': [...base, 'store', 'dataset', 'engine', 'formats', 'local-backend', 'sparql-backend'],
  http: [...base, 'store', 'formats'],
  ...Object.fromEntries(features.map((feature) => [feature, [...base, 'store', 'dataset', 'engine', 'formats', 'http']])),
  composition: [...base, 'store', 'dataset', 'engine', 'formats', 'http', 'open-store', 'composition'],
};

// Packages that belong to the web; layers below the features stay free of them.
const webPackages = ['fastify', 'fastify-plugin', '@fastify/*'];
const webFreeLayers = ['errors', 'vocabulary', 'config', 'store', 'dataset', 'engine', 'formats'];

const resolver = createTypeScriptImportResolver({ alwaysTryTypes: true });

// The layer rules alone, exported so test/lint/layer-rules.test.ts can run them over fixture trees.
export const layerRules = defineConfig({
  files: ['**/*.ts'],
  plugins: { boundaries, 'import-x': importX },
  languageOptions: { parser: tseslint.parser },
  settings: {
    'boundaries/elements': elements,
    // mode: 'file' (deprecated in v7, still supported) is the only way to make one file, such as src/app.ts, an element of its own.
    'boundaries/legacy-warnings': false,
    // import-x reads only .js files unless told otherwise, so without these no-cycle would never follow a TypeScript import.
    'import-x/extensions': ['.ts', '.js', '.mjs'],
    'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    'import-x/resolver-next': [resolver],
    // eslint-plugin-boundaries resolves imports through the older import/resolver setting.
    'import/resolver': { typescript: { alwaysTryTypes: true } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        // Check packages and Node built-ins too, so the web packages can be kept out of the lower layers.
        checkAllOrigins: true,
        policies: [
          // Packages and Node built-ins are open to every layer, except the web packages below.
          { allow: { to: { module: { origin: ['external', 'core'] } } } },
          ...Object.entries(mayImport).map(([type, allowed]) => ({
            from: { element: { type } },
            allow: { to: { element: { type: allowed } } },
          })),
          // One feature reaches another only through its public face.
          ...Object.entries(featureUses)
            .filter(([, used]) => used.length > 0)
            .map(([feature, used]) => ({ from: { element: { type: feature } }, allow: { to: { element: { type: used, fileInternalPath: 'index.ts' } } } })),
          { from: { element: { type: 'composition' } }, allow: { to: { element: { type: features, fileInternalPath: 'index.ts' } } } },
          { from: { element: { type: webFreeLayers } }, disallow: { to: { module: { source: webPackages } } } },
        ],
      },
    ],
    'import-x/no-cycle': 'error',
  },
});

export default defineConfig(
  globalIgnores(['node_modules/', 'test-output/', 'coverage/', 'dist/', 'test/lint/fixtures/']),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['bin/*.js', 'bin/*.mjs', 'bench/*.mjs', 'eslint.config.js', 'src/backends/local/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // Messages interpolate line numbers and counts; numbers print exactly, so only objects and nullish values are refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Simple element types read T[], compound ones Array<{ ... }>: the style the code already has.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // It asks for `x!` where the code writes `x as T`, and no-non-null-assertion forbids `x!`: the two fight.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // Arrow shorthands such as `(error) => reject(error)` hand a callback its result; nothing confusing there.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Fastify plugins, hooks and handlers are async by contract (fastify waits on the returned promise), and so are the
      // serializer tables' entries; an async function without await is how the code keeps that contract.
      '@typescript-eslint/require-await': 'off',
      // `const { '@default': _unused, ...rest } = entry` is how the code drops a key.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // N3's DataFactory is destructured everywhere (`const { namedNode } = DataFactory`): its functions ignore `this`, but are typed as methods.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON answers (typed any) and pin their shape with expect(): the assertion is the type check.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // A test that finds the element it expects may say so with `!`; if it is absent the test fails anyway.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `let app: App` is set in beforeAll, and afterAll's `app?.close()` guards against a beforeAll that failed first.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [layerRules],
  },
  {
    // The browser editor's script is served as is, without a build: plain browser JavaScript.
    files: ['src/sparql-endpoint/assets/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
