extension EventRecord {
  /// The bytes the chain hash covers: a canonical JSON object of every stored field but the
  /// hash itself, keys sorted, the payload embedded as its canonical bytes.
  ///
  /// Any change to a column (payload, effective date, order, actor…) changes these bytes.
  /// `unchecked` and `writer` appear only when set, so records written before they existed
  /// keep the bytes (and hashes) they were written with.
  public var canonicalBytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(payload.count + 256)
    func key(_ name: StaticString, first: Bool = false) {
      // The keys are ASCII with nothing to escape: their bytes go in as they are.
      if !first { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "\""))
      out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
      out.append(UInt8(ascii: "\""))
      out.append(UInt8(ascii: ":"))
    }
    func integer(_ value: Int64) {
      // Digits written straight into the output, last first: no `String` per number.
      if value < 0 { out.append(UInt8(ascii: "-")) }
      var magnitude = value.magnitude
      var count = 1
      var probe = magnitude
      while probe >= 10 {
        probe /= 10
        count += 1
      }
      out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
      var index = out.count - 1
      repeat {
        out[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        index -= 1
      } while magnitude > 0
    }
    func string(_ value: String?) {
      if let value { JSONValue.writeString(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }
    /// `stream.description` as a JSON string, without building it when both parts are ASCII
    /// with nothing to escape (the text is then the same byte for byte).
    func writeStream() {
      var (category, id) = (stream.category, stream.id)
      let plain = category.withUTF8 { category in
        id.withUTF8 { id in
          guard JSONValue.isPlain(category), JSONValue.isPlain(id) else { return false }
          out.append(UInt8(ascii: "\""))
          out.append(contentsOf: category)
          out.append(UInt8(ascii: "/"))
          out.append(contentsOf: id)
          out.append(UInt8(ascii: "\""))
          return true
        }
      }
      if !plain { string(stream.description) }
    }
    out.append(UInt8(ascii: "{"))
    key("actor", first: true)
    if let actor {
      // `Actor.json` written without building the object: keys in order, no role left out.
      out.append(UInt8(ascii: "{"))
      key("id", first: true)
      string(actor.id)
      if let role = actor.role {
        key("role")
        string(role)
      }
      out.append(UInt8(ascii: "}"))
    } else {
      out.append(contentsOf: "null".utf8)
    }
    key("corrects")
    string(corrects)
    key("effective")
    string(effective.description)
    key("id")
    string(id)
    key("payload")
    out.append(contentsOf: payload)
    key("position")
    integer(position)
    key("reason")
    string(reason)
    key("recorded")
    integer(recorded.microseconds)
    key("schemaVersion")
    integer(Int64(schemaVersion))
    key("stream")
    writeStream()
    key("streamVersion")
    integer(Int64(streamVersion))
    key("type")
    string(typeName)
    if unchecked {
      key("unchecked")
      out.append(contentsOf: "true".utf8)
    }
    if let writer {
      key("writer")
      string(writer)
    }
    out.append(UInt8(ascii: "}"))
    return out
  }
}
