// One Jest run, three projects: unit specs beside the code, db specs and e2e specs
// under test/. `npm test` runs them all; `npm run test:unit|db|e2e` one of them.
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };
const common = {
  testEnvironment: 'node',
  transform,
  // ESM-only dependencies Jest's runtime cannot require: see the shim's comment.
  moduleNameMapper: { '^content-disposition$': '<rootDir>/test/support/shims/content-disposition.js' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // db and e2e specs boot databases and servers; unit specs are far below this.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'db',
      testMatch: ['<rootDir>/test/db/**/*.db-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
