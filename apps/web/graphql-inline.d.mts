import type { Plugin } from 'vite';

/** See graphql-inline.mjs: inlines each `graphql(`…`)` document's AST into the module that calls it. */
export function graphqlInline(srcDir: string): Plugin;
