// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-mongodb-security/src/rules/no-unbounded-find/index.spec.ts#L65-L65 licence: MIT
// expect: none
import 'mongoose';
User.findOne({ email: 'test@test.com' });
