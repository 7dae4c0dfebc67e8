// expect: none
package tools

import "os/exec"

func Ping(host string) ([]byte, error) {
	return exec.Command("ping", "-c", "1", host).CombinedOutput()
}

func Uptime() ([]byte, error) {
	return exec.Command("sh", "-c", "uptime | cut -d, -f1").Output()
}
