// PGlite declares its contrib extensions under package.json "exports", which this repository's node10 module
// resolution (tsconfig.json) does not read; Node's own resolution does, at run time. Types only.
declare module '@electric-sql/pglite/contrib/unaccent' {
  export { unaccent } from '@electric-sql/pglite/dist/contrib/unaccent';
}
