// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-mongodb-security/src/rules/no-unbounded-find/index.spec.ts#L91-L91 licence: MIT
// expect: unbounded-query@4
import 'mongoose';
User.find({}).sort({ name: 1 });
