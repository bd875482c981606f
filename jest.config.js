// Jest runs TypeScript through SWC (fast, no type-check: `npm run typecheck` does that).
/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    // Page tests render with small stand-ins (see tests/support/taro); the real packages need a browser.
    '^@tarojs/components$': '<rootDir>/tests/support/taro/components.tsx',
    '^@tarojs/taro$': '<rootDir>/tests/support/taro/taro.ts',
    '\\.css$': '<rootDir>/tests/support/taro/style.ts',
  },
  testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/tests/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', '/dist/'],
  transformIgnorePatterns: ['/node_modules/(?!(zod)/)'],
};
