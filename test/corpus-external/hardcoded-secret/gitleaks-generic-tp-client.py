# source: gitleaks/gitleaks@b58d3f102cf3:cmd/generate/config/rules/generic.go licence: MIT
# expect: hardcoded-secret@3
some_api_token_123 = "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKO"
