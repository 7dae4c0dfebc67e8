# source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:python/lang/security/audit/dangerous-os-exec-audit.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: eval-or-shell-injection@14, eval-or-shell-injection@17, eval-or-shell-injection@20
import os
from somewhere import something

# ok:dangerous-os-exec-audit
os.execl("/foo/bar", "/foo/bar")

# ok:dangerous-os-exec-audit
os.execv("/foo/bar", ["/foo/bar", "-a", "-b"])

cmd = something()
# ruleid:dangerous-os-exec-audit
os.execl(cmd, cmd, '--do-smth')

# ruleid:dangerous-os-exec-audit
os.execve("/bin/bash", ["/bin/bash", "-c", something()], os.environ)

# ruleid:dangerous-os-exec-audit
os.execl("/bin/bash", "/bin/bash", "-c", something())
