// source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:javascript/shelljs/security/shelljs-exec-injection.js licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: eval-or-shell-injection@7, eval-or-shell-injection@13
const shell = require('shelljs');

function test1(userInput) {
    // ruleid:shelljs-exec-injection
    return shell.exec(userInput, {silent: true})
}

function test2(userInput) {
    const input = `ls ${userInput}`
    // ruleid:shelljs-exec-injection
    return shell.exec(input, {silent: true})
}

function okTest3(userInput) {
    // ok:shelljs-exec-injection
    const input = 'ls ./'
    return shell.exec(input, {silent: true})
}

function okTest4(userInput) {
    // ok:shelljs-exec-injection
    return shell.exec('ls ./', {silent: true})
}
