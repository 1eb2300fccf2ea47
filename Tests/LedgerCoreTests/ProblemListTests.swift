import LedgerCore
import Testing

struct ProblemListTests {
  @Test func keepsTheFirstProblemsAndCountsTheRest() {
    var list = ProblemList()
    #expect(list.isEmpty)
    for line in 1...(ProblemList.kept + 3) {
      list.add(InputProblem(source: SourceLine(file: "f.ndjson", line: line), reason: "bad"))
    }
    #expect(list.problems.count == ProblemList.kept)
    #expect(list.lines.first == "f.ndjson:1: bad")
    #expect(list.lines.last == "… and 3 more problems")
    #expect(list.lines.count == ProblemList.kept + 1)
  }
}
