// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-mongodb-security/src/rules/no-unbounded-find/no-unbounded-find.test.ts#L109-L109 licence: MIT
// expect: unbounded-query@4
import 'mongoose';
const results = await Model.find({});
