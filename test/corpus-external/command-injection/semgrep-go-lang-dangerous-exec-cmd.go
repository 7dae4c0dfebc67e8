// source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:go/lang/security/audit/dangerous-exec-cmd.go licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: eval-or-shell-injection@16, eval-or-shell-injection@32, eval-or-shell-injection@48, eval-or-shell-injection@66
package main

import (
    "fmt"
    "os"
    "os/exec"
)

func test1(userInput string) {

    cmdPath,_ := userInput;

    // ruleid:dangerous-exec-cmd
    cmd := &exec.Cmd {
        Path: cmdPath,
        Args: []string{ "foo", "bar" },
        Stdout: os.Stdout,
        Stderr: os.Stdout,
    }

    cmd.Start();

}

func test2(userInput string) {

    cmdPath,_ := exec.LookPath("foo");

    // ruleid:dangerous-exec-cmd
    cmd := &exec.Cmd {
        Path: cmdPath,
        Args: []string{ userInput, "bar" },
        Stdout: os.Stdout,
        Stderr: os.Stdout,
    }

    cmd.Start();

}

func test3(userInput string) {

    cmdPath,_ := exec.LookPath("bash");

    // ruleid:dangerous-exec-cmd
    cmd := &exec.Cmd {
        Path: cmdPath,
        Args: []string{ cmdPath, "-c", userInput },
        Stdout: os.Stdout,
        Stderr: os.Stdout,
    }

    cmd.Start();

}

func test4(userInput string) {

    cmdPath,_ := exec.LookPath("bash");

    args = []string{ cmdPath, "-c", userInput }

    // ruleid:dangerous-exec-cmd
    cmd := &exec.Cmd {
        Path: cmdPath,
        Args: args,
        Stdout: os.Stdout,
        Stderr: os.Stdout,
    }

    cmd.Start();

}

func okTest1(userInput string) {

    cmdPath,_ := exec.LookPath("go");

    // ok:dangerous-exec-cmd
    cmd := &exec.Cmd {
        Path: cmdPath,
        Args: []string{ cmdPath, "bar" },
        Stdout: os.Stdout,
        Stderr: os.Stdout,
    }

    cmd.Start();

}
