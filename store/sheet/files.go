package sheet

import (
	"os"

	"github.com/xuri/excelize/v2"

	"orchard/store"
)

// saveWorkbook writes f to path through a temporary file beside it, so a
// failure never leaves half a workbook or spoils an earlier one; the file
// gets the user's default permissions.
func saveWorkbook(f *excelize.File, path string) error {
	return store.WriteAtomicallyWith(path, func(tmp string) error {
		out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return err
		}
		if _, err := f.WriteTo(out); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// withTempDir points excelize's spill files into this process's own
// scratch folder, which is removed on exit or, after a crash, on the next
// start.
func withTempDir(o excelize.Options) excelize.Options {
	if dir, err := store.TempDir(); err == nil {
		o.TmpDir = dir
	}
	return o
}
