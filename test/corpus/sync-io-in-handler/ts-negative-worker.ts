// expect: none
import { pbkdf2Sync } from "node:crypto";
import { parentPort } from "node:worker_threads";

// Runs in a worker thread: blocking here does not block the HTTP event loop.
parentPort?.on("message", (job: { password: string; salt: string }) => {
  const key = pbkdf2Sync(job.password, job.salt, 310000, 32, "sha256");
  parentPort?.postMessage(key.toString("hex"));
});
