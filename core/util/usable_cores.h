#pragma once
// How many cores this process may really use: the CPUs its affinity mask
// allows (taskset, a Slurm step's binding, a container's cpuset), further
// capped by a cgroup v2 CPU quota (`cpu.max`, what Docker's --cpus and
// systemd's CPUQuota write). std::thread::hardware_concurrency() counts the
// machine's CPUs instead, and a kernel that starts that many threads on a
// 2-core share of a 64-core host is timed fighting itself.
namespace kforge {

unsigned usableCores();

// The most threads a candidate on the CPU may run: usableCores(), or less when
// OMP_THREAD_LIMIT already asks for less. The runner exports it as
// OMP_THREAD_LIMIT before any candidate loads, so `num_threads(8)` on two
// usable cores runs two threads, and reports it with every CPU result.
unsigned cpuThreadLimit();

}  // namespace kforge
