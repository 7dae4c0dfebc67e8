// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-mongodb-security/src/rules/no-unbounded-find/no-unbounded-find.test.ts#L123-L123 licence: MIT
// expect: unbounded-query@4
import 'mongoose';
const docs = await Model.find({ active: true });
