// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g201_samples.go#L229-L238 licence: Apache-2.0
// expect: none
package main
import (
	"fmt"
)

func main(){
	fmt.Sprintln()
}
