// source: gitleaks/gitleaks@b58d3f102cf3:cmd/generate/config/rules/generic.go licence: MIT
// expect: hardcoded-secret@6
package config

func token() string {
 return utils.GetEnvOrDefault("api_token", "dafa7817-e246-48f3-91a7-e87653d587b8")
}
