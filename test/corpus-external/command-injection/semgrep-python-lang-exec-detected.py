# source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:python/lang/security/audit/exec-detected.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: eval-or-shell-injection@12, eval-or-shell-injection@16
# ok:exec-detected
exec("x = 1; x = x + 2")

blah = "import requests; r = requests.get('https://example.com')"
# ok:exec-detected
exec(blah)

dynamic = "import requests; r = requests.get('{}')"
# ruleid:exec-detected
exec(dynamic.format("https://example.com"))

def eval_something(something):
    # ruleid:exec-detected
    exec(something)

from something import exec

# ok:exec-detected
exec("something")
