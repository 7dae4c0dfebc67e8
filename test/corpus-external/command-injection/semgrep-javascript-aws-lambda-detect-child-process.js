// source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:javascript/aws-lambda/security/detect-child-process.js licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: eval-or-shell-injection@7, eval-or-shell-injection@12
const cp = require('child_process');

exports.handler = async (event) => {
    // ruleid:detect-child-process
    cp.exec(`cat *.js ${event['file']}| wc -l`, (error, stdout, stderr) => {
        console.log(stdout)
    });

    // ruleid:detect-child-process
    cp.spawnSync(event['cmd']);

    // ok:detect-child-process
    cp.exec('ls')
};
