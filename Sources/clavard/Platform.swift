import Glibc

// What is particular to Linux in the command line. `clavard` is built and tested on Linux
// only (see README.md, "Platforms"): the terminal and file code calls Glibc directly.
#if !os(Linux)
  #error("clavard is written and tested for Linux only (Glibc); see README.md, 'Platforms'")
#endif

enum Platform {
  /// Installs a signal handler (Glibc spells the handler field `__sigaction_handler`), with
  /// system calls restarted after it runs, and unblocks the signal (a blocked one is
  /// inherited through exec, from a test runner say).
  static func handleSignal(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(signal, &action, nil)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }
}
