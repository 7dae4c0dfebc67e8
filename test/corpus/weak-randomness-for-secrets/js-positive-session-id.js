// expect: weak-randomness-for-secrets@5
const sessions = new Map();

function createSession(userId) {
  const sessionId = [...Array(32)].map(() => Math.floor(Math.random() * 16).toString(16)).join("");
  sessions.set(sessionId, { userId, createdAt: Date.now() });
  return sessionId;
}

module.exports = { createSession };
