// ESLint with typescript-eslint's type-aware rules. Lib boundaries are enforced here: libraries import
// each other only through `@app/<lib>`, and lower libraries never import higher ones.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layers = ['core', 'organizations', 'people', 'working-groups', 'priorities', 'proposals', 'meetings', 'marketplace', 'data-pools', 'governance', 'meeting-prep', 'search', 'privacy', 'notifications'];

/** A lib may import only the libs below it, and never a lib's internals. */
function boundaries(lib) {
  const above = layers.slice(layers.indexOf(lib) + 1);
  return {
    files: [`libs/${lib}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@app/*/*'], message: 'Import another lib only through its index (@app/<lib>).' },
            { group: ['../../*/src/*', '../../../libs/*'], message: 'Use @app/<lib> across libs.' },
            ...(above.length ? [{ group: above.map((l) => `@app/${l}`), message: `${lib} must not depend on higher libs.` }] : []),
            ...(lib === 'core' ? [{ group: ['@app/core'], message: 'core imports itself relatively.' }] : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'apps/web/src/gql/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers.map(boundaries),
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
