// Package model holds Orchard's domain types and the pure logic over them:
// validation, scoring, priority and the money arithmetic. It imports only the
// standard library.
package model

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
)

// NewID returns a random RFC 4122 version 4 UUID. Records carry text IDs so
// workspaces can later be merged and synced without renumbering. The bits
// come from math/rand/v2's global generator (ChaCha8, seeded from the
// system's entropy, per thread): as unpredictable as crypto/rand for an
// ID, without its call per record.
func NewID() string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[0:8], rand.Uint64())
	binary.LittleEndian.PutUint64(b[8:16], rand.Uint64())
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	// Written out by hand: an import makes one per row, and formatting
	// through fmt was a tenth of planning a large one.
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:36], b[10:16])
	return string(out[:])
}
