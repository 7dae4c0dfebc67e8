# source: gitleaks/gitleaks@b58d3f102cf3:cmd/generate/config/rules/generic.go licence: MIT
# expect: hardcoded-secret@4
ACCESS = {
    'access_token': 'eyJ0eXAioiJKV1slS3oASx=='
}
