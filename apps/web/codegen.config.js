// GraphQL Code Generator: typed documents for every `graphql(...)` call in the client, from the schema the
// API emits (apps/api/schema.gql). Run by scripts/build-web.js before Vite; the output (src/gql/) is not
// committed. Paths are relative to the repository root.
/** @type {import('@graphql-codegen/cli').CodegenConfig} */
module.exports = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.tsx', 'apps/web/src/**/*.ts', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  silent: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', JSON: 'unknown' } },
    },
  },
};
