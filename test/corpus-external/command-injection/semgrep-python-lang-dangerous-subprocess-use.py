# source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:python/lang/security/dangerous-subprocess-use.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: eval-or-shell-injection@15, eval-or-shell-injection@18, eval-or-shell-injection@21, eval-or-shell-injection@24
# cf. https://github.com/returntocorp/semgrep/blob/develop/docs/writing_rules/examples.md#auditing-dangerous-function-use

import subprocess
import flask

app = flask.Flask(__name__)


@app.route("/route_param/<route_param>")
def route_param(route_param):

    # ruleid:dangerous-subprocess-use
    subprocess.call("grep -R {} .".format(route_param), shell=True, cwd="/home/user")

    # ruleid:dangerous-subprocess-use
    subprocess.call(["sh", "-c", "grep -R {} .".format(route_param)], shell=True, cwd="/home/user") # Tests list input

    # ruleid:dangerous-subprocess-use
    subprocess.call(("sh", "-c", "grep -R {} .".format(route_param)), shell=True, cwd="/home/user") # Tests tuple input

    # ruleid:dangerous-subprocess-use
    subprocess.call("grep -R {} .".format(route_param), shell=True, cwd="/home/user")

    return "oops!"


# Flask true negatives
@app.route("/route_param/<route_param>")
def route_param2(route_param):

    # ok:dangerous-subprocess-use
    subprocess.call("static", shell=True, cwd="/home/user")

    # ok:dangerous-subprocess-use
    subprocess.call(["sh", "-c", "/bin/ls"], shell=True, cwd="/home/user")

    # ok:dangerous-subprocess-use
    subprocess.call(("sh", "-c", "/bin/ls"), shell=True, cwd="/home/user")

    return "ok!"
