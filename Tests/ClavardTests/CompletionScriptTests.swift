import ClavardTestSupport
import Testing

/// `clavard --generate-completion-script bash|zsh|fish`: scripts and their folders for `run`
/// and `coverage`, any file for `--junit`, `.tsv` files for `--catalogue`.
@Suite struct CompletionScriptTests {
  /// Asks bash's completion function what it offers for a command line ending in `words`
  /// (the last one being typed), in a folder with scripts, a folder, a catalogue and notes.
  static func bashCompletions(_ words: [String]) throws -> [String] {
    let folder = try TemporaryFolder([
      "a.chat": "", "notes.txt": "", "cat.tsv": "", "sub/b.chat": "",
    ])
    let script = try folder.run("--generate-completion-script", "bash")
    try folder.write("completion.bash", script.stdout)
    let quoted = (["clavard"] + words).map { "'\($0)'" }.joined(separator: " ")
    let driver = """
      source ./completion.bash
      COMP_WORDS=(\(quoted))
      COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
      COMP_LINE="${COMP_WORDS[*]}"
      COMP_POINT=${#COMP_LINE}
      COMPREPLY=()
      _clavard clavard "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}" | sort
      """
    let output = try ChildProcess.run("/bin/bash", ["-c", driver], in: folder.path)
    return output.stdout.split(separator: "\n").map(String.init)
  }

  @Test(
    "bash: .chat files and folders for run and coverage, any file for --junit and --html, .tsv for --catalogue"
  )
  func bash() throws {
    #expect(try Self.bashCompletions(["run", ""]) == ["a.chat", "sub"])
    #expect(try Self.bashCompletions(["run", "--update", ""]) == ["a.chat", "sub"])
    #expect(try Self.bashCompletions(["coverage", ""]) == ["a.chat", "sub"])
    #expect(
      try Self.bashCompletions(["run", "--junit", ""]) == [
        "a.chat", "cat.tsv", "completion.bash", "notes.txt", "sub",
      ])
    #expect(try Self.bashCompletions(["coverage", "--catalogue", ""]) == ["cat.tsv", "sub"])
    for command in ["run", "coverage"] {
      #expect(
        try Self.bashCompletions([command, "--html", ""]) == [
          "a.chat", "cat.tsv", "completion.bash", "notes.txt", "sub",
        ])
    }
  }

  @Test("zsh and fish: the same rules, as each shell writes them")
  func zshAndFish() throws {
    let folder = try TemporaryFolder()
    let zsh = try folder.run("--generate-completion-script", "zsh").stdout
    #expect(zsh.contains("'*:paths:_files -g '\\''*.chat'\\'''"))
    #expect(zsh.contains("'--junit[Also write a JUnit XML report to this file.]:file:_files'"))
    #expect(zsh.contains(":file:_files -g '\\''*.tsv'\\''"))
    let fish = try folder.run("--generate-completion-script", "fish").stdout
    #expect(fish.contains("*.\\'chat\\';printf %s\\n $p;end;__fish_complete_directories"))
    #expect(fish.contains("-l 'junit' -d 'Also write a JUnit XML report to this file.' -rF"))
  }
}
