#!/usr/bin/env node
// Launcher of the `backend-architect` command: dispatches a sub-command to its compiled module in lib/
// (`npm run build` first). Kept tiny and untyped on purpose: the logic lives in src/cli/.

const usage = `Usage: backend-architect <command> [options]

Commands:
  review    Review a local change (git, or --diff FILE) with the app's detectors and, with
            ANTHROPIC_API_KEY set, Claude. \`backend-architect review --help\` for its options.
`;

const [command, ...rest] = process.argv.slice(2);

if (command === "review" && (rest.includes("--help") || rest.includes("-h"))) {
  // Help loads the argument parser alone (no detectors, parsers or SDK): it answers at once.
  const { reviewUsage } = await import("../lib/cli/parse-review-args.js");
  process.stdout.write(reviewUsage);
} else if (command === "review") {
  const { runFromProcess } = await import("../lib/cli/review-command.js");
  await runFromProcess(rest);
} else if (command === "help" || command === "--help" || command === "-h") {
  process.stdout.write(usage);
} else {
  process.stderr.write(
    command === undefined
      ? usage
      : `backend-architect: unknown command ${JSON.stringify(command)}\n\n${usage}`,
  );
  process.exitCode = 2;
}
