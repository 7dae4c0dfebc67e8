// expect: eval-or-shell-injection@10, eval-or-shell-injection@15
package tools

import (
	"fmt"
	"os/exec"
)

func Ping(host string) ([]byte, error) {
	cmd := exec.Command("sh", "-c", fmt.Sprintf("ping -c 1 %s", host))
	return cmd.CombinedOutput()
}

func Resize(path string) error {
	return exec.Command("/bin/bash", "-c", "convert "+path+" -resize 50% out.png").Run()
}
