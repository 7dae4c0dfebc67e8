# source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:python/requests/security/disabled-cert-validation.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: tls-verification-disabled@15, tls-verification-disabled@17, tls-verification-disabled@19

import requests as req
import requests

some_url = "https://example.com"

# ok:disabled-cert-validation
r = req.get(some_url, stream=True)
# ok:disabled-cert-validation
r = requests.post(some_url, stream=True)

# ruleid:disabled-cert-validation
r = req.get(some_url, stream=True, verify=False)
# ruleid:disabled-cert-validation
r = requests.post(some_url, stream=True, verify=False)
# ruleid:disabled-cert-validation
r = requests.post(some_url, verify=False, stream=True)
