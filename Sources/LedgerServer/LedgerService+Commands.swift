import Hummingbird
import LedgerCommands
import LedgerCore
import LedgerPresentation
import LedgerStorage

extension LedgerService {
  /// `POST /commands/{name}`: a gated command, decided as the signed-in actor by the same
  /// gates as the CLI's. 201 with the event recorded (as `ledger … --json` prints it) and the
  /// stream's new version as `ETag`; 403 when the actor's roles refuse it, 409 when a gate of
  /// the program does, 412 when `If-Match` names a version the stream has moved on from. A
  /// refusal writes nothing.
  func addCommandRoutes(to group: RouterGroup<LedgerRequestContext>) {
    group.post("commands/:name") { request, context in
      let principal = try context.signedIn()
      let name = try context.pathParameter("name")
      let members = try await Self.members(of: request)
      let parsed: CommandRequest
      do {
        parsed = try CommandRequest(name: name, members: members)
      } catch let invalid as EventValidationError {
        throw Problem.badRequest(invalid.reason)
      }
      let expected = try Self.expectedVersion(request)
      let log = try await openLogForWriting()
      let receipt: AppendReceipt
      do {
        receipt = try await CommandHandler(log: log, catalogs: catalogs).execute(
          parsed.command, by: principal.actor, on: parsed.effective ?? today(), expecting: expected)
      } catch let refusal as CommandRefusal {
        throw Problem(refusal)
      } catch let invalid as EventValidationError {
        throw Problem.badRequest(invalid.reason)
      } catch let stale as StaleVersion {
        throw Problem(.preconditionFailed, "Changed since read", detail: stale.description)
      } catch let conflict as CommandConflict {
        throw Problem(.conflict, "Busy", detail: conflict.description)
      }
      guard let appended = receipt.appended.first else {
        throw Problem(.internalServerError, "Nothing recorded", detail: "the command recorded no event")
      }
      var recorded: JSONValue = .null
      try await log.forEachEntry(from: appended.position) { entry in
        if entry.record.position == appended.position { recorded = try LogEntryDocument.json(of: entry) }
      }
      var response = Response.json(.object([("recorded", recorded)]), status: .created)
      response.headers[.eTag] = "\"\(appended.streamVersion)\""
      return response
    }
  }

  /// The members of the request's JSON object body.
  /// - Throws: a 400 ``Problem`` for a body that is not one JSON object of at most 64 KiB.
  private static func members(of request: Request) async throws -> [(key: String, value: JSONValue)] {
    let body: ByteBuffer
    do {
      body = try await request.body.collect(upTo: 65_536)
    } catch {
      throw Problem.badRequest("the body must be one JSON object of at most 64 KiB")
    }
    let json: JSONValue
    do {
      json = try JSONParser.parse(Array(body.readableBytesView))
    } catch {
      throw Problem.badRequest("the body is not JSON: \(error)")
    }
    guard case .object(let members) = json else { throw Problem.badRequest("the body must be a JSON object") }
    return members
  }

  /// The stream version `If-Match` names (`"12"`); none without the header or with `*`.
  /// - Throws: a 400 ``Problem`` for any other value.
  private static func expectedVersion(_ request: Request) throws -> Int? {
    guard let header = request.headers[.ifMatch], header != "*" else { return nil }
    guard header.hasPrefix("\""), header.hasSuffix("\""), header.count > 2,
      let version = Int(header.dropFirst().dropLast()),
      version >= 0
    else { throw Problem.badRequest("If-Match: \(header): expected one stream version, as \"12\" (an ETag)") }
    return version
  }
}
