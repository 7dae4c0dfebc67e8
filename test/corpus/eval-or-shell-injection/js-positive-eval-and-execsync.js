// expect: eval-or-shell-injection@5, eval-or-shell-injection@9, eval-or-shell-injection@13
const childProcess = require("child_process");

function applyFormula(formula, row) {
  return eval(formula.replace(/\{(\w+)\}/g, (_, k) => String(row[k])));
}

function gitLog(branch) {
  return childProcess.execSync("git log --oneline " + branch).toString();
}

function compileRule(body) {
  return new Function("input", body);
}

module.exports = { applyFormula, gitLog, compileRule };
