// source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:go/otto/security/audit/dangerous-execution.go licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: eval-or-shell-injection@20
package blah

import (
    "net/http"
    "github.com/robertkrimen/otto"
)

func whyyyy(w http.ResponseWriter, r *http.Request) {
	err := r.ParseForm()
	if err != nil {
		panic(err)
	}
	script := r.Form.Get("script")

    vm := otto.New()

    // ruleid: dangerous-execution
    vm.Run(script)
}

func main() {
    vm := otto.New()
    // ok: dangerous-execution
    vm.Run(`
        abc = 2 + 2;
        console.log("The value of abc is " + abc); // 4
    `)
}
