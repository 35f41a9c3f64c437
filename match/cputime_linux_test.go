//go:build linux

package match

import (
	"syscall"
	"time"
	"unsafe"
)

// threadCPU returns the CPU time used by the calling thread. Benchmarks report it next to
// the wall-clock time because the machine they run on is shared: wall time includes waiting
// for a CPU that other jobs hold, thread CPU time is what the call itself costs.
func threadCPU() time.Duration {
	const clockThreadCPUTimeID = 3
	var ts syscall.Timespec
	_, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0)
	if errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
