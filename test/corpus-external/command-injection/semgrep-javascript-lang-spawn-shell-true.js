// source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:javascript/lang/security/audit/spawn-shell-true.js licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: eval-or-shell-injection@6, eval-or-shell-injection@9
const {exec, spawnSync} = require('child_process');

// ruleid: spawn-shell-true
const ls = spawn('ls', ['-lh', '/usr'], {shell:true});

// ruleid: spawn-shell-true
const pid = spawnSync('ls', ['-lh', '/usr'], {shell: '/bin/sh'});

// ok: spawn-shell-true
spawn('ls', ['-lh', '/usr'], {shell:false});

// ok: spawn-shell-true
spawn('ls', ['-lh', '/usr'], {});
