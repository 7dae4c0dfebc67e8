// source: semgrep/semgrep-rules@157ae4706d7f:javascript/lang/security/audit/hardcoded-hmac-key.js licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: hardcoded-secret@5, hardcoded-secret@7, hardcoded-secret@10
const crypto = require("crypto");

exports.hmac = data => crypto.createHmac('sha256', 'pa4qacea4VK9t9nGv7yZtwmj').update(data).digest('hex')

const rsa_key = '-----BEGIN RSA PRIVATE KEY-----\r\nMIICQkqv6K/N2eMvpjuqJd45pLsvIRKI2Da+SwduINavm/8D/kbVJRXfy8/jzkPTc75v8yPL4EFb2Tt85cGMkPttq13jbqNQpx5Y0ZjMovxDsHKNnL/8InCtunGJLUszLYVbQF91Q5tHZeMhk32MPJA84jGzXSESbqah9HZjALhs7t4LOSR/zrLWcaNAKLtpvN5A4sLNWTO02qFfhbeoI+b4tJo8uX823J4KlLOXCVuVupFXLksxKsmvjhzmOSoRbaSYjs6LsQn4cNNXpReGACD/Tx9oTehEkJiyE/B4hV3a1QkBUVUnf4/4iITTeTmrNUvMCGCAtukovSVCbK/S2TdCbJY8W8U+l0ltNKRZbAlRZXUWEcILmesBp8ZOMHN7/Y1jVQ9Kh2/zIyXdDRxe0ig3Tk2aY0oIWCAZXH1xleCV/W8LWYhLIffNDFIq5OOLvSDmAeU/6d6uJhZ67l8SWEPN0jYMtzyq0+89hcnrw3AxkmSeDdaM5Q0dnSPxiMLPXohlTCb2i0xCFl8N7gcqugMbhrdF3Rf/Vc+gbCmf+tWst7NK68MKHBhOZ/9jeGNEJsgmc00AhgeIQkZUOe/+P/TZ89pfaij+1sPNe2hCJ3aU5vWJdjHEYLZ51DAHkucIe9KALSAaAZYiThTi53+ShbnVDja0vummsG0G9YgFxtyuJEzWniemDbuAbe3AQTl8BZsYPlCHgQKSc+TC6FenOJsNhrP+bTzqgr0DGV7qJe530VrUIq5YuDqqSJcXQbYiILktmBoOi6QknLyCBsZ24Fthk9CSf86Sg2kR\r\n-----END RSA PRIVATE KEY-----'

exports.deluxeToken = (email) => {
  const hmac = crypto.createHmac('sha256', rsa_key)
  return hmac.update(email + this.roles.deluxe).digest('hex')
}

const safely_stored_key = config.get('AWS_KEY')
// ok
const safe_hmac = crypto.createHmac('sha256', safely_stored_key)

