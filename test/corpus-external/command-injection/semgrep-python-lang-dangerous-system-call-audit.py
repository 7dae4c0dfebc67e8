# source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:python/lang/security/audit/dangerous-system-call-audit.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: eval-or-shell-injection@14, eval-or-shell-injection@17, eval-or-shell-injection@20, eval-or-shell-injection@24, eval-or-shell-injection@27, eval-or-shell-injection@30, eval-or-shell-injection@34, eval-or-shell-injection@38, eval-or-shell-injection@43, eval-or-shell-injection@46
import os

# ok:dangerous-system-call-audit
os.system("ls -al")

# ok:dangerous-system-call-audit
os.popen("cat contents.txt")

from somewhere import something

# ruleid:dangerous-system-call-audit
os.system(something())

# ruleid:dangerous-system-call-audit
getattr(os, "system")(something())

# ruleid:dangerous-system-call-audit
dynamic_system_by_static_os = getattr(os, "system")
dynamic_system_by_static_os(something())

# ruleid:dangerous-system-call-audit
__import__("os").system(something())

# ruleid:dangerous-system-call-audit
getattr(__import__("os"), "system")(something())

# ruleid:dangerous-system-call-audit
dynamic_os = __import__("os")
dynamic_os.system(something())

# ruleid:dangerous-system-call-audit
dynamic_os = __import__("os")
getattr(dynamic_os, "system")(something())

# ruleid:dangerous-system-call-audit
dynamic_os = __import__("os")
dynamic_system = getattr(dynamic_os, "system")
dynamic_system(something())

# ruleid:dangerous-system-call-audit
os.popen(something())

# ruleid:dangerous-system-call-audit
os.popen2(something())
