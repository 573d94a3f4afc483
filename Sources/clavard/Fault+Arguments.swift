import ArgumentParser
import ContactCenter

extension Fault {
  /// `--fault NAME` (of `serve` and `explore`): an unknown name is told where the list is.
  static func parse(_ name: String) throws -> Fault {
    guard let fault = Fault(rawValue: name) else {
      throw ValidationError(
        "unknown fault '\(Escaping.controlsEscaped(name))'; `clavard serve --list-faults` lists them")
    }
    return fault
  }

  /// `--list-faults`: a line per fault, its name, what goes wrong and the requirements it breaks.
  static var catalogue: String {
    let width = allCases.map(\.rawValue.count).max() ?? 0
    return allCases.map { fault in
      let padding = String(repeating: " ", count: width - fault.rawValue.count)
      return "\(fault.rawValue)\(padding)  \(fault.summary) (\(fault.requirements.joined(separator: ", ")))\n"
    }.joined()
  }
}
