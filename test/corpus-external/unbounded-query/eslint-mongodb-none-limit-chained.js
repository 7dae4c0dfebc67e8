// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-mongodb-security/src/rules/no-unbounded-find/index.spec.ts#L54-L54 licence: MIT
// expect: none
import 'mongoose';
User.find({}).limit(100);
