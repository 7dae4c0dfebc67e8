// expect: none
const { setTimeout: sleep } = require("timers/promises");
const db = require("./db");

async function drainQueue(queue) {
  while (true) {
    const job = await queue.pop();
    if (!job) {
      await sleep(1000);
      continue;
    }
    const delay = Math.random() * 250;
    await sleep(delay);
    console.log("processed job", job.id, "attempt", job.attempt);
  }
}

async function loadSettings() {
  const { rows } = await db.query("SELECT key, value FROM settings WHERE scope = $1", ["worker"]);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

module.exports = { drainQueue, loadSettings };
