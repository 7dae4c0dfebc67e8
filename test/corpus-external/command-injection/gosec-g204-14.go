// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g204_samples.go#L300-L317 licence: Apache-2.0
// expect: eval-or-shell-injection@13
package main

import (
	"os/exec"
)

// Indirect use: assign parameter to local variable before use.
// Included for comparison/regression testing.
func vulnerable(command string) {
	cmdStr := command // local assignment
	_ = exec.Command("bash", "-c", cmdStr)
}

func main() {
	vulnerable("echo safe")
}
