// Package model holds Orchard's domain types and the pure logic over them:
// validation, scoring, priority and the money arithmetic. It imports only the
// standard library.
package model

import (
	"crypto/rand"
	"fmt"
)

// NewID returns a random RFC 4122 version 4 UUID. Records carry text IDs so
// workspaces can later be merged and synced without renumbering.
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("model: no randomness for an ID: %v", err))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
