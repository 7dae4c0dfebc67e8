# source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:python/aws-lambda/security/dangerous-spawn-process.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: eval-or-shell-injection@21, eval-or-shell-injection@24, eval-or-shell-injection@27, eval-or-shell-injection@30, eval-or-shell-injection@33, eval-or-shell-injection@36, eval-or-shell-injection@39
import os
import shlex
from somewhere import something

def handler(event, context):
    # ok:dangerous-spawn-process
    os.spawnlp(os.P_WAIT, "ls")

    # ok:dangerous-spawn-process
    os.spawnlpe(os.P_WAIT, "ls")

    # ok:dangerous-spawn-process
    os.spawnv(os.P_WAIT, "/bin/ls")

    # ok:dangerous-spawn-process
    os.spawnve(os.P_WAIT, "/bin/ls", ["-a"], os.environ)

    # ruleid:dangerous-spawn-process
    os.spawnlp(os.P_WAIT, event['cmd'])

    # ruleid:dangerous-spawn-process
    os.spawnlpe(os.P_WAIT, event['cmd'])

    # ruleid:dangerous-spawn-process
    os.spawnv(os.P_WAIT, f"foo-{event['cmd']}")

    # ruleid:dangerous-spawn-process
    os.spawnve(os.P_WAIT, event['cmd'], ["-a"], os.environ)

    # ruleid:dangerous-spawn-process
    os.spawnve(os.P_WAIT, "/bin/bash", ["-c", f"ls -la {event['cmd']}"], os.environ)

    # ruleid:dangerous-spawn-process
    os.spawnl(os.P_WAIT, "/bin/bash", "-c", f"ls -la {event['cmd']}")

    # ruleid:dangerous-spawn-process
    os.spawnl(os.P_WAIT, "/bin/bash", "-c", event['cmd'])
