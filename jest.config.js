// Node runs the TypeScript sources directly (type stripping); jest runs the same sources through
// swc as native ES modules, so tests see exactly what production runs.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
  },
];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  testMatch: ['<rootDir>/{packages,services}/*/{src,test}/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.tools/'],
  modulePathIgnorePatterns: ['<rootDir>/.tools/'],
  testTimeout: 30_000,
};
