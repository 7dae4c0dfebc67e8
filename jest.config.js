/** Jest in ESM mode (Probot 14 is ESM-only); @swc/jest strips types, `npm run typecheck` checks them. */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } },
    ],
  },
  globalSetup: "<rootDir>/test/global-setup.js",
  setupFilesAfterEnv: ["<rootDir>/test/setup-nock.ts"],
  testTimeout: 30000,
};
