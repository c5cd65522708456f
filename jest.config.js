// Unit tests sit beside the code (*.spec.ts); end-to-end tests in test/ (*.e2e-spec.ts) drive a real
// server over HTTP against a real PostgreSQL. Both compile with the same SWC settings as the build.
const { options } = require('./scripts/swc-options');

const common = {
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...options, swcrc: false }],
    // ESM-only dependencies the application requires (Node 20.19+ loads them with require(esm); Jest's VM
    // does not): compiled to CommonJS for the tests.
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { swcrc: false, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // The browser client in chromium against the real API (test/browser/support/browser.ts).
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
  // Global only: Jest ignores testTimeout inside a project. End-to-end tests start servers and workers.
  testTimeout: 60000,
  // No forceExit (decision 74): something a test or the application leaves open must show. `npm test`
  // (scripts/jest.js) runs the unit and e2e files on two workers and fails the run when Jest has to kill
  // one after its file; a file run on its own in band hangs after its summary instead.
};
