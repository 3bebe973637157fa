#pragma once
// A TCP port on 127.0.0.1 that nothing listens on right now, for the loopback
// daemons the tests start (sshd, slurmctld, slurmd). 0 when none was found.
namespace kforge::test {

int freeLoopbackPort();

}  // namespace kforge::test
