// expect: none
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const versionPattern = /^v(\d+)\.(\d+)/;

export async function createThumbnail(file: string) {
  await run("convert", [`uploads/${file}`, "-resize", "200x200", `thumbs/${file}`]);
  const match = versionPattern.exec(`v${process.versions.node}`);
  const config = JSON.parse(await readConfig());
  return { match, config };
}

async function readConfig() {
  return "{}";
}
