// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-mongodb-security/src/rules/no-unbounded-find/index.spec.ts#L67-L67 licence: MIT
// expect: none
import 'mongoose';
db.collection('u').find({ a: 1 }, { projection: { _id: 1 } }).select('-password').limit(100).toArray();
