package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	words := []string{"small", "safe", "cache-friendly"}
	sort.Strings(words)
	fmt.Printf("go: %s\n", strings.ToUpper(strings.Join(words, ",")))
}
