// Flat config: typescript-eslint for the server, tests and launcher; eslint-plugin-svelte for web/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * Server modules the front end imports (web/src/state/curation/rules.ts, web/src/state/url/utils.ts,
 * web/src/lib/vocabulary/relationship-sentence.ts):
 * pure, no runtime imports.
 */
const SHARED_WITH_WEB = [
  'server/model/graph-vocabulary.ts',
  'server/model/entity-ids.ts',
  'server/curation/relationship-rules.ts',
  'server/curation/merge-rules.ts',
  'server/curation/personal-data.ts',
  'server/api/limits.ts',
  'server/services/export/spreadsheet-formulas.ts',
  'server/services/export/relationship-detail-fields.ts',
  'server/services/verb-agreement.ts',
  'server/services/relationship-about.ts',
];

/** An import path into server/ that is not one of SHARED_WITH_WEB. */
const SERVER_ONLY_IMPORT = `(^|/)server/(?!(${SHARED_WITH_WEB.map((file) =>
  file.slice('server/'.length).replaceAll('.', '\\.'),
).join('|')})$)`;

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'db/target', '.neo4j', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.svelte', 'web/**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // The front end shares only the server modules written to be bundled (SHARED_WITH_WEB).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: SERVER_ONLY_IMPORT,
              allowTypeImports: true,
              message: `The browser bundles only these server modules: ${SHARED_WITH_WEB.join(', ')}.`,
            },
          ],
        },
      ],
    },
  },
  {
    // Bundled by the front end too: no runtime imports, so neither Node built-ins nor server
    // libraries (zod, the driver) can reach the browser through them.
    files: SHARED_WITH_WEB,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['*', '**/*', '.*'],
              allowTypeImports: true,
              message: 'The front end bundles this module: type imports only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Past its first check, page.waitForFunction evals a string predicate inside the page,
      // which the app's CSP refuses: a flaky failure (CI hit it). tests/support/browser.ts has
      // waitInPage, which polls through DevTools. Any use of the name is refused: a call, a
      // computed member, a destructured method.
      'no-restricted-syntax': [
        'error',
        ...[
          "MemberExpression[property.name='waitForFunction']",
          "MemberExpression[property.value='waitForFunction']",
          "Property[key.name='waitForFunction']",
        ].map((selector) => ({
          selector,
          message: 'Use waitInPage from tests/support/browser.ts: the app’s CSP refuses eval.',
        })),
      ],
    },
  },
);
