// clavard-bench: what `scripts/bench` and the tests need beside `clavard` itself, kept out of
// the shipped binary.
//
//   clavard-bench repl [PATH-TO-CLAVARD]        the REPL's latencies, as Markdown table rows
//   clavard-bench protocol [PATH-TO-CLAVARD] [CHATS]
//                                               round trips through `clavard serve`, p50 and p99
//   clavard-bench faults FOLDER                 for each fault of `clavard serve --fault`, the
//                                               scripts under FOLDER that catch it (Markdown)
//   clavard-bench append-history FILE N PREFIX [LIMIT]
//                                               appends N lines "PREFIX 1".."PREFIX N" to a
//                                               history file of at most LIMIT entries (2000),
//                                               as a REPL does (for the test of two processes
//                                               sharing one history)

import Glibc
import LineEditor
import SystemFiles

/// A message on standard error (C's `stderr` is a global the compiler cannot prove safe).
func complain(_ text: String) {
  let bytes = Array((text + "\n").utf8)
  try? FileSystem.writeAll(bytes, to: 2, path: "standard error")
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "repl":
  do {
    try REPLMeasurement.run(clavard: arguments.count > 1 ? arguments[1] : REPLMeasurement.siblingClavard())
  } catch {
    complain("clavard-bench: \(error)")
    exit(1)
  }
case "protocol":
  do {
    let clavard = arguments.count > 1 ? arguments[1] : REPLMeasurement.siblingClavard()
    let chats = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
    try ProtocolMeasurement.run(clavard: clavard, chats: max(1, chats))
  } catch {
    complain("clavard-bench: \(error)")
    exit(1)
  }
case "faults" where arguments.count == 2:
  do {
    for row in try FaultTable.rows(folder: arguments[1]) { print(row) }
  } catch {
    complain("clavard-bench: \(error)")
    exit(2)
  }
case "append-history" where (4...5).contains(arguments.count):
  guard let count = Int(arguments[2]), count >= 0 else {
    complain("clavard-bench: append-history FILE N PREFIX needs a count, not \(arguments[2])")
    exit(2)
  }
  let history =
    arguments.count == 5
    ? HistoryFile(path: arguments[1], limit: Int(arguments[4]) ?? 2000) : HistoryFile(path: arguments[1])
  for index in 0..<count {
    do {
      try history.append("\(arguments[3]) \(index + 1)")
    } catch {
      complain("clavard-bench: cannot append to \(arguments[1]): \(error)")
      exit(1)
    }
  }
default:
  complain(
    "usage: clavard-bench repl [PATH-TO-CLAVARD] | clavard-bench protocol [PATH-TO-CLAVARD] [CHATS] | clavard-bench faults FOLDER | clavard-bench append-history FILE N PREFIX [LIMIT]"
  )
  exit(2)
}
