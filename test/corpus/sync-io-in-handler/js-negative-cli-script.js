// expect: none
#!/usr/bin/env node
const fs = require("fs");
const { execSync } = require("child_process");

function main(argv) {
  const config = JSON.parse(fs.readFileSync(argv[2] ?? "config.json", "utf8"));
  const sha = execSync("git rev-parse HEAD").toString().trim();
  fs.writeFileSync("build-info.json", JSON.stringify({ ...config, sha }));
}

main(process.argv);
