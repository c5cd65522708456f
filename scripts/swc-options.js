// One SWC configuration for the build (scripts/build.js) and for Jest (@swc/jest), so tests run the
// code exactly as it is compiled. Path aliases (@app/<lib>) are rewritten to relative paths.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const { compilerOptions } = require('../tsconfig.json');

module.exports = {
  root,
  options: {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
  },
};
