// Type-aware lint; `make style` runs it with --max-warnings 0.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'docs/**',
      'e2e/screenshots/**',
      'web/assets/**',
      'modules/*/assets/**',
      'eslint.config.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test registers tests synchronously; their promises are the runner's to await.
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'describe', 'it', 'suite', 'before', 'after'],
            },
          ],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Fastify handlers are async by contract even when they have nothing to await.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in server/src/config.ts only.' },
        { object: 'process', property: 'exit', message: 'Only the entry point may exit.' },
      ],
    },
  },
  {
    // A module's queries are checked against its declared tables (packages/core/README.md).
    files: ['modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@meetcute/core',
              importNames: ['Db', 'TxDb'],
              message:
                "Use the module's typed database (Kysely<TablesOf<typeof tables>>), not the chassis' untyped one.",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'TSTypeReference[typeName.name=/^(Kysely|Transaction|ModuleContext|Tx)$/] > TSTypeParameterInstantiation > TSAnyKeyword',
          message: "Type the database by the module's declared tables, not any.",
        },
      ],
    },
  },
  {
    // The entry points (the command line, `make cluster`) and tests are where a process
    // starts, so they may read its environment.
    files: ['server/src/main.ts', 'server/src/cluster.ts', '**/*.test.ts', 'e2e/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
