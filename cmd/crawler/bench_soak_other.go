//go:build !linux

package main

import "syscall"

// soakProcAttr has nothing to add where there is no parent-death signal;
// the soak does not run there anyway (it reads /proc).
func soakProcAttr() *syscall.SysProcAttr { return nil }
