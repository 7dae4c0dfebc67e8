// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g204_samples.go#L281-L299 licence: Apache-2.0
// expect: eval-or-shell-injection@13
package main

import (
	"os/exec"
)

// Direct use of a function parameter in exec.Command.
// This is clearly tainted input (parameter from caller, potentially user-controlled).
func vulnerable(command string) {
	// Dangerous pattern: passing unsanitized input to a shell
	_ = exec.Command("bash", "-c", command)
}

func main() {
	// In real scenarios, this could be user input (e.g., via flag, HTTP param, etc.)
	vulnerable("echo safe")
}
