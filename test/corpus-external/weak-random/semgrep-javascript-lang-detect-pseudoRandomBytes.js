// source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:javascript/lang/security/detect-pseudoRandomBytes.js licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: weak-randomness-for-secrets@7
// ok:detect-pseudoRandomBytes
crypto.randomBytes

// ruleid:detect-pseudoRandomBytes
crypto.pseudoRandomBytes
