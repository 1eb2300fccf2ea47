extension CompetencyDefinition: Decodable {
  public init(from decoder: any Decoder) throws {
    let object = try decoder.object(allowing: ["id", "name", "area", "paths", "placeholder"])
    let paths = try object.required([AttainmentPath].self, "paths")
    guard !paths.isEmpty else { throw decoder.failure("a competency needs at least one path") }
    self.init(
      id: try object.string("id"), name: try object.string("name"), area: try object.string("area"), paths: paths,
      placeholder: try object.optionalString("placeholder"))
  }
}

extension AttainmentPath: Decodable {
  public init(from decoder: any Decoder) throws {
    let object = try decoder.object(allowing: ["id", "name", "silver", "gold"])
    let silver = try object.optional(Requirement.self, "silver")
    let gold = try object.optional(Requirement.self, "gold")
    guard silver != nil || gold != nil else { throw decoder.failure("a path needs a silver or a gold requirement") }
    self.init(id: try object.string("id"), name: try object.string("name"), silver: silver, gold: gold)
  }
}

extension SpecializationDefinition: Decodable {
  public init(from decoder: any Decoder) throws {
    let object = try decoder.object(allowing: [
      "id", "name", "area", "prerequisiteGold", "requirements", "audit", "references", "placeholder",
    ])
    guard object.has("prerequisiteGold") else { throw decoder.failure("missing \"prerequisiteGold\"") }
    let prerequisites = try object.strings("prerequisiteGold")
    guard !prerequisites.isEmpty else { throw decoder.failure("needs at least one prerequisite Gold competency") }
    self.init(
      id: try object.string("id"), name: try object.string("name"), area: try object.string("area"),
      prerequisiteGold: prerequisites, requirements: try object.optional(Requirement.self, "requirements"),
      needsAudit: try object.optional(Bool.self, "audit") ?? false, references: try object.integer("references") ?? 0,
      placeholder: try object.optionalString("placeholder"))
  }
}
