//go:build windows || darwin

package views

// sameName compares two absolute paths as the file system does: Windows
// and macOS (by default) ignore case, so "Plan.orchard" is "plan.orchard".
func sameName(a, b string) bool { return foldedSame(a, b) }
