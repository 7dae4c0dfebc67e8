# source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:python/aws-lambda/security/dangerous-system-call.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: eval-or-shell-injection@13
import os

def handler(event, context):
    # ok: dangerous-system-call
    os.system("ls -al")

    # ok: dangerous-system-call
    os.popen("cat contents.txt")

    # ruleid: dangerous-system-call
    os.system(f"ls -la {event['dir']}")
