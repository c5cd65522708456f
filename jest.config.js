// Unit tests sit beside the code (*.spec.ts); end-to-end tests in test/ (*.e2e-spec.ts) drive a real
// server over HTTP against a real PostgreSQL. Both compile with the same SWC settings as the build.
const { options } = require('./scripts/swc-options');

const common = {
  transform: { '^.+\\.ts$': ['@swc/jest', { ...options, swcrc: false }] },
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
  ],
  // Global only: Jest ignores testTimeout inside a project. End-to-end tests start servers and workers.
  testTimeout: 60000,
  // A handle left open after the last test (not found yet; the e2e project leaves one since the merges of
  // issue 16) must not keep CI waiting: exit once every test has finished.
  forceExit: true,
};
