# source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:python/lang/security/audit/eval-detected.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: eval-or-shell-injection@15, eval-or-shell-injection@20, eval-or-shell-injection@42, eval-or-shell-injection@46
# ok:eval-detected
eval("x = 1; x = x + 2")

# ok:eval-detected
eval(f"x = 1; x = x + 2")

blah = "import requests; r = requests.get('https://example.com')"
# ok:eval-detected
eval(blah)

dynamic = "import requests; r = requests.get('{}')"
# ruleid:eval-detected
eval(dynamic.format("https://example.com"))


def eval_something(something):
    # ruleid:eval-detected
    eval(something)


from something import eval

# ok:eval-detected
eval("something")

# ok:eval-detected
eval("somethin(){}")

# ok:eval-detected
eval(f"something()")

# ok:eval-detected
eval("")

# ok:eval-detected
eval(f"")

user_input = get_userinput()
# ruleid:eval-detected
eval(f"some_func({user_input})")

def eval_something(something):
    # ruleid:eval-detected
    eval(f"some_func({{{something}}})")
