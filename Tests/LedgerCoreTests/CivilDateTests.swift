import LedgerCore
import Testing

struct CivilDateTests {
  @Test(arguments: ["2021-01-31", "2020-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
  func parsesAndPrintsExistingDays(text: String) throws {
    #expect(try CivilDate(parsing: text).description == text)
  }

  @Test(arguments: [
    ("2021-02-30", "no such day"), ("2021-02-29", "no such day"), ("1900-02-29", "no such day"),
    ("2021-13-01", "no such day"), ("2021-04-31", "no such day"), ("2021-00-10", "no such day"),
    ("2021-1-01", "not a date of the form YYYY-MM-DD"), ("2021/01/01", "not a date of the form YYYY-MM-DD"),
    ("20210101", "not a date of the form YYYY-MM-DD"), ("2021-01-01T00:00", "not a date of the form YYYY-MM-DD"),
  ])
  func refusesImpossibleOrMalformedDates(text: String, reason: String) {
    #expect(throws: CivilDate.ParseError(text: text, reason: reason)) { try CivilDate(parsing: text) }
  }

  @Test(arguments: [
    ("2021-01-31", 3, "2021-04-30"), ("2021-01-31", 1, "2021-02-28"), ("2020-01-31", 1, "2020-02-29"),
    ("2020-02-29", 12, "2021-02-28"), ("2021-03-31", -1, "2021-02-28"), ("2021-11-30", 3, "2022-02-28"),
    ("2021-12-15", 1, "2022-01-15"), ("2021-01-15", -13, "2019-12-15"), ("2021-05-31", 0, "2021-05-31"),
  ])
  func addingMonthsClampsToTheMonthEnd(start: String, months: Int, expected: String) throws {
    #expect(try CivilDate(parsing: start).adding(months: months).description == expected)
  }

  @Test func monthArithmeticFromTheAnchorDoesNotDrift() throws {
    let anchor = try CivilDate(parsing: "2021-01-31")
    #expect(anchor.adding(months: 2).description == "2021-03-31")
    #expect(anchor.adding(months: 1).adding(months: 1).description == "2021-03-28")
  }

  @Test func aLeapDayAnniversaryFallsOnTheLastDayOfFebruary() throws {
    let purchase = try CivilDate(parsing: "2020-02-29")
    #expect(purchase.adding(years: 1).description == "2021-02-28")
    #expect(purchase.adding(years: 4).description == "2024-02-29")
  }

  @Test func dayNumbersRoundTripAcrossCenturies() {
    for number in stride(from: -719_162, through: 2_932_896, by: 997) {
      #expect(CivilDate(dayNumber: number).dayNumber == number)
    }
    #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
    #expect(CivilDate(year: 2021, month: 3, day: 1)!.adding(days: -1).description == "2021-02-28")
  }

  @Test func datesOrderByYearMonthDay() throws {
    #expect(try CivilDate(parsing: "2020-12-31") < CivilDate(parsing: "2021-01-01"))
    #expect(try CivilDate(parsing: "2021-02-01") > CivilDate(parsing: "2021-01-31"))
  }

  @Test func monthsParseAndStepAcrossYears() throws {
    let month = try YearMonth(parsing: "2021-11")
    #expect(month.adding(months: 3).description == "2022-02")
    #expect(month.adding(months: -11).description == "2020-12")
    #expect(throws: CivilDate.ParseError.self) { try YearMonth(parsing: "2021-13") }
    #expect(throws: CivilDate.ParseError.self) { try YearMonth(parsing: "2021-1") }
  }

  @Test func arithmeticSaturatesAtTheEndsOfTheCalendar() throws {
    #expect(try CivilDate(parsing: "9999-06-01").adding(years: 1) == .latest)
    #expect(try CivilDate(parsing: "0001-02-01").adding(months: -2) == .earliest)
    #expect(try CivilDate(parsing: "9999-12-31").adding(days: 1) == .latest)
    #expect(try YearMonth(parsing: "9999-12").adding(months: 1).description == "9999-12")
    #expect(try YearMonth(parsing: "0001-01").adding(months: -1).description == "0001-01")
    #expect(try RecordedInstant(parsing: "9999-12-31").description == "9999-12-31T23:59:59.999999Z")
  }
}
