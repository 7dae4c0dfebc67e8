/**
 * Worker thread entry: compares one API description (workerData: SpecTexts) and posts the result.
 * Runs apart from the event loop that answers webhooks and renews job locks; the parent ends it at
 * its time limit.
 */
import { parentPort, workerData } from "node:worker_threads";
import { compareSpecTexts, type SpecTexts } from "./compare-spec-texts.js";

const result = await compareSpecTexts(workerData as SpecTexts).catch(() => ({
  ok: false as const,
  problem: "could not be compared (the comparison failed on its content)",
}));
parentPort?.postMessage(result);
