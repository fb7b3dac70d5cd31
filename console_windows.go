//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachConsole lets the command-line commands of Orchard.exe, a GUI
// program (so that no console window opens when it is started from
// Explorer), print in the terminal they were typed in: it joins the
// parent's console and writes there. Output redirected to a file or a pipe
// already has its handle and is left alone; started from Explorer there is
// no console to join and nothing is done.
func attachConsole() {
	if handleValid(syscall.STD_OUTPUT_HANDLE) && handleValid(syscall.STD_ERROR_HANDLE) {
		return
	}
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	r, _, _ := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole").Call(attachParentProcess)
	if r == 0 {
		return
	}
	if !handleValid(syscall.STD_OUTPUT_HANDLE) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !handleValid(syscall.STD_ERROR_HANDLE) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
}

func handleValid(which int) bool {
	h, err := syscall.GetStdHandle(which)
	return err == nil && h != syscall.InvalidHandle && h != 0
}
