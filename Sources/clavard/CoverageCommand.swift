import ArgumentParser
import Conformance
import ContactCenter

struct CoverageCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: "Run the scripts and show, for each requirement of the catalogue, what covers it.",
    discussion: """
      A script covers the ids of its '# covers:' line; a step covers its id. Each requirement \
      is listed with its verdict (passed, FAILED, NOT COVERED) and every script and step that \
      covers it with theirs. Under GITHUB_ACTIONS=true each requirement not covered or failed \
      is also printed as a ::error workflow command at its line of the catalogue.

      Exit status: 0 when every requirement is covered and every script passed, 1 when a \
      requirement is covered by nothing or a script failed, 2 on a usage error or a file (the \
      catalogue or a script) that cannot be read or parsed.
      """
  )

  @Argument(
    help: "Script files or folders (searched recursively for *.chat, except fragments in setup/).",
    completion: .file(extensions: ["chat"]))
  var paths: [String] = ["fixtures"]

  @Option(
    help: ArgumentHelp(
      """
      The requirement catalogue (id<TAB>group<TAB>requirement). Default: \
      fixtures/procedure/requirements.tsv in the first path given or the nearest folder above it.
      """, valueName: "file"),
    completion: .file(extensions: ["tsv"]))
  var catalogue: String?

  @Flag(help: "Print a Markdown table (for a CI job summary) instead of text.")
  var markdown = false

  @Option(
    help: ArgumentHelp(
      "Also write the table as an HTML page, with each script's steps and timeline below it, to this file.",
      valueName: "file"),
    completion: .file())
  var html: String?

  @Option(parsing: .unconditional, help: "Run this many scripts at once.")
  var jobs = 1

  @OptionGroup var system: SUTOptions

  func validate() throws {
    guard (1...1024).contains(jobs) else {
      throw ValidationError("--jobs must be from 1 to 1024, not \(jobs)")
    }
  }

  func run() async throws {
    guard let catalogue = cataloguePath() else { throw ExitCode(ExitStatus.unusable) }
    let requirements: RequirementCatalogue
    do {
      requirements = try RequirementCatalogue.parse(bytes: try ScriptFiles.read(catalogue), path: catalogue)
    } catch let error as ParseError {
      Output.error(error.description)
      throw ExitCode(2)
    } catch {
      Output.error(
        "clavard: cannot read the requirement catalogue \(Escaping.controlsEscaped(catalogue)): \(error)")
      throw ExitCode(2)
    }
    let discovered = ScriptFiles.discover(paths)
    for folder in discovered.emptyFolders {
      Output.error("clavard: no .chat files in \(Escaping.controlsEscaped(folder))")
    }
    let pool = system.pool()
    let runner = ScriptRunner(loader: ScriptFiles.loader, recordsTimeline: html != nil)
    let suite = SuiteRunner(runner: runner, jobs: jobs, mirrors: pool)
    let report = await suite.run(Selection().select(discovered.files)) { entry in
      if let error = Report.errorText(entry) { Output.error(error) }
    }
    pool?.close()
    if let pool, let note = SUTOptions.note(pool) { Output.error("clavard: " + note) }
    let coverage = Coverage(catalogue: requirements, report: report)
    Output.text(markdown ? coverage.markdown : coverage.text)
    for entry in report.entries where entry.isBroken {
      Output.annotation(Report.githubAnnotation(entry, relativeTo: GitHubActions.workingDirectory))
    }
    for annotation in coverage.githubAnnotations(relativeTo: GitHubActions.workingDirectory) {
      Output.annotation(annotation)
    }
    var status = ExitStatus.of(coverage)
    if let html {
      do {
        try ScriptFiles.writeAtomically(coverage.html(report: report), to: html)
      } catch {
        Output.error("clavard: cannot write the HTML report \(Escaping.controlsEscaped(html)): \(error)")
        status = ExitStatus.unusable
      }
    }
    if status != ExitStatus.success { throw ExitCode(status) }
  }
}
