// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-mongodb-security/src/rules/no-unbounded-find/index.spec.ts#L83-L83 licence: MIT
// expect: unbounded-query@4
import 'mongoose';
const users = User.find({ active: true });
