package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"
)

const (
	sqliteMagic   = "SQLite format 3\x00"
	applicationID = 0x4F524348 // "ORCH", set by the first migration
)

// sniff looks at the first bytes of a file and explains, when it is not an
// Orchard workspace, what it seems to be instead. It only reads. When the
// journal beside it holds a newer page 1 (the file was being written back
// when Orchard stopped, or was never written back at all), that page is the
// file's header.
func sniff(path string, wal walFile) error {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return fmt.Errorf("cannot open %s: no such file", path)
		}
		return fmt.Errorf("cannot open %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", path, err)
	}
	if info.IsDir() {
		return fmt.Errorf("cannot open %s: it is a folder, not a workspace file", path)
	}
	head := make([]byte, 100)
	n, _ := f.Read(head)
	head = head[:n]
	if n > 0 && !bytes.HasPrefix(head, []byte(sqliteMagic)) {
		return fmt.Errorf("cannot open %s: it is %s, not an Orchard workspace", path, describeBytes(head))
	}
	if n == 100 && wal.committed > 0 && pageSizeOf(head) != int64(wal.pageSize) {
		return fmt.Errorf("cannot open %s: the journal file beside it, %s, is for another database (its pages are %d bytes, the file's %d). Orchard has changed neither file; move %s somewhere else and open the workspace again",
			path, wal.path, wal.pageSize, pageSizeOf(head), filepath.Base(wal.path))
	}
	if wal.pageOne != nil {
		head, n = wal.pageOne, len(wal.pageOne)
		if !bytes.HasPrefix(head, []byte(sqliteMagic)) {
			return fmt.Errorf("cannot open %s: the journal file beside it, %s, does not hold a database. Orchard has changed neither file; move %s somewhere else and open the workspace again",
				path, wal.path, filepath.Base(wal.path))
		}
	}
	if n == 0 {
		return fmt.Errorf("cannot open %s: the file is empty, not an Orchard workspace", path)
	}
	if n < 100 {
		return fmt.Errorf("cannot open %s: the file is truncated (%d bytes, shorter than a database header)", path, info.Size())
	}
	if id := binary.BigEndian.Uint32(head[68:72]); id != applicationID {
		if wal.pageOne != nil {
			return fmt.Errorf("cannot open %s: the journal file beside it, %s, belongs to a database made by another program. Orchard has changed neither file; move %s somewhere else and open the workspace again",
				path, wal.path, filepath.Base(wal.path))
		}
		return fmt.Errorf("cannot open %s: it is a SQLite database made by another program, not an Orchard workspace", path)
	}
	pageSize := pageSizeOf(head)
	pages := int64(binary.BigEndian.Uint32(head[28:32]))
	validFor := binary.BigEndian.Uint32(head[92:96])
	changes := binary.BigEndian.Uint32(head[24:28])
	// Pages still in the journal may not have reached the file yet.
	if wal.committed == 0 && pages > 0 && validFor == changes && info.Size() < pages*pageSize {
		return fmt.Errorf("cannot open %s: the file is truncated (%d bytes; its header promises %d)", path, info.Size(), pages*pageSize)
	}
	return nil
}

func pageSizeOf(head []byte) int64 {
	size := int64(binary.BigEndian.Uint16(head[16:18]))
	if size == 1 {
		size = 65536
	}
	return size
}

func describeBytes(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a ZIP archive (an Excel .xlsx workbook or similar)"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "an old Office document (.xls or .doc)"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "a PDF document"
	case utf8.Valid(head) || bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return "a text file"
	}
	return "a file of unknown type"
}
