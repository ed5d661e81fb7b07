package main

import "syscall"

// soakProcAttr makes the kernel kill the soaked daemon if the bench dies
// without reaching its own cleanup (SIGKILL, a crash), so no daemon is
// left running unattended.
func soakProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
