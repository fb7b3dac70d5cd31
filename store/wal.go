package store

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// walFile is what the write-ahead log beside a workspace holds, read
// without SQLite so that a log which does not belong to the file can be
// refused before SQLite replays it.
type walFile struct {
	path      string
	present   bool   // the file exists and is not empty
	pageSize  int    // from its header
	committed int    // frames up to and including the last commit
	pageOne   []byte // the newest committed image of page 1, if the log has one
}

const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
	walMagicLE         = 0x377f0682 // checksums over little-endian words
	walMagicBE         = 0x377f0683 // checksums over big-endian words
)

// readWAL reads PATH-wal. A missing or empty log is fine; a log whose header
// is not a SQLite log, or whose checksum is wrong, is refused by name. Frames
// are followed while their salts and checksums chain, as SQLite does on
// recovery, so only what SQLite would replay is looked at.
func readWAL(dbPath string) (walFile, error) {
	w := walFile{path: dbPath + "-wal"}
	f, err := os.Open(w.path)
	if os.IsNotExist(err) {
		return w, nil
	}
	if err != nil {
		return w, fmt.Errorf("cannot open %s: its journal %s cannot be read: %w", dbPath, filepath.Base(w.path), err)
	}
	defer f.Close()
	head := make([]byte, walHeaderSize)
	n, err := io.ReadFull(f, head)
	if n == 0 {
		return w, nil
	}
	w.present = true
	foreign := func(why string) (walFile, error) {
		return w, fmt.Errorf("cannot open %s: the journal file beside it, %s, %s. Orchard has changed neither file; move %s somewhere else (keep it until you know you do not need it) and open the workspace again",
			dbPath, w.path, why, filepath.Base(w.path))
	}
	if err != nil {
		return foreign("is cut short (it is not a complete SQLite journal)")
	}
	magic := binary.BigEndian.Uint32(head[0:4])
	if magic != walMagicLE && magic != walMagicBE {
		return foreign("is not a SQLite journal")
	}
	order := binary.ByteOrder(binary.LittleEndian)
	if magic == walMagicBE {
		order = binary.BigEndian
	}
	w.pageSize = int(binary.BigEndian.Uint32(head[8:12]))
	if w.pageSize == 1 {
		w.pageSize = 65536
	}
	if w.pageSize < 512 || w.pageSize > 65536 || w.pageSize&(w.pageSize-1) != 0 {
		return foreign("has an impossible page size")
	}
	s0, s1 := walChecksum(order, head[:24], 0, 0)
	if s0 != binary.BigEndian.Uint32(head[24:28]) || s1 != binary.BigEndian.Uint32(head[28:32]) {
		return foreign("fails its checksum (it is damaged)")
	}
	salt := head[16:24]
	frame := make([]byte, walFrameHeaderSize+w.pageSize)
	var pageOne []byte
	for i := 1; ; i++ {
		if _, err := io.ReadFull(f, frame); err != nil {
			break // a log ends with a frame cut short when a write was interrupted
		}
		if string(frame[8:16]) != string(salt) {
			break
		}
		c0, c1 := walChecksum(order, frame[:8], s0, s1)
		c0, c1 = walChecksum(order, frame[walFrameHeaderSize:], c0, c1)
		if c0 != binary.BigEndian.Uint32(frame[16:20]) || c1 != binary.BigEndian.Uint32(frame[20:24]) {
			break
		}
		s0, s1 = c0, c1
		if binary.BigEndian.Uint32(frame[0:4]) == 1 {
			pageOne = append(pageOne[:0], frame[walFrameHeaderSize:walFrameHeaderSize+100]...)
		}
		if binary.BigEndian.Uint32(frame[4:8]) != 0 { // a commit frame
			w.committed = i
			if pageOne != nil {
				w.pageOne = append([]byte(nil), pageOne...)
			}
		}
	}
	return w, nil
}

// walChecksum continues SQLite's log checksum over b, a whole number of
// pairs of 32-bit words in the log's byte order.
func walChecksum(order binary.ByteOrder, b []byte, s0, s1 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}
