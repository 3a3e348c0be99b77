import FormModel

/// How the structure rules read 一级/二级 labels the profile does not know (JX106), and which categories a
/// form covers once such labels are read as their nearest known one (JX102).
enum StructureCategories {
  /// What an unknown label is, as far as can be told.
  enum Reading: Equatable {
    /// A near-miss of a known label (typo, extra words): the canonical name it most likely means.
    case suggestion(String)
    /// A known label in the wrong column or under the wrong 一级; `expected` says where it belongs.
    case misplaced(expected: String)
    /// Nothing near.
    case unknown
  }

  /// Reads a 一级 label the profile does not know.
  static func readLevel1(_ label: String, profile: Profile) -> Reading {
    if let near = nearest(Profile.canonicalLabel(label), among: profile.level1Names) { return .suggestion(near) }
    if let level2 = profile.level2(for: label), let parent = profile.parent(ofLevel2: level2) {
      return .misplaced(expected: "二级指标（属于\(parent)指标）")
    }
    return .unknown
  }

  /// Reads a 二级 label the profile does not know under `level1` (a canonical 一级, or nil when unknown).
  static func readLevel2(_ label: String, under level1: String?, profile: Profile, aliases: [String: String] = [:]) -> Reading {
    let canonical = Profile.canonicalLabel(label)
    let key = aliases[canonical] ?? profile.aliases[canonical] ?? canonical
    let siblings = level1.flatMap { name in profile.categories.first { $0.level1 == name }?.level2 } ?? profile.level2Names
    if let near = nearest(key, among: siblings) { return .suggestion(near) }
    if let parent = profile.level2(for: label, aliases: aliases).flatMap(profile.parent(ofLevel2:)) {
      return .misplaced(expected: "\(parent)指标")
    }
    if profile.level1(for: label) != nil { return .misplaced(expected: "一级指标") }
    return .unknown
  }

  /// The canonical 二级 categories a form has rows for, near-miss labels read as what they mean.
  static func coveredLevel2(in form: Form) -> CoveredCategories {
    var covered = CoveredCategories()
    for row in form.indicators {
      if let canonical = row.level2.canonical {
        covered.insert(canonical)
        // A label listing several categories (`社会、经济、生态效益指标`) covers each.
        covered.insert(
          contentsOf: form.profile.level2Categories(
            for: row.level2.text, under: row.level1.canonical, aliases: form.template.categoryAliases))
      } else if !row.level2.text.isEmpty {
        let aliases = form.template.categoryAliases
        switch readLevel2(row.level2.text, under: row.level1.canonical, profile: form.profile, aliases: aliases) {
        case .suggestion(let near):
          covered.insert(near)
        case .misplaced:
          // A known category under the wrong 一级 is there; JX106 says where it belongs (one finding, not two).
          if let known = form.profile.level2(for: row.level2.text, aliases: aliases) { covered.insert(known) }
        case .unknown:
          break
        }
      }
    }
    return covered
  }

  /// The known name nearest to `key`: the longest one inside it (`社会公众或服务对象满意度` → `服务对象满意度`),
  /// else the only one containing it, else one within a small edit distance (`数最` → `数量`).
  static func nearest(_ key: String, among candidates: [String]) -> String? {
    guard key.count >= 2 else { return nil }
    let contained = candidates.filter { $0.count >= 2 && key.contains($0) }
    if let best = contained.max(by: { $0.count < $1.count }) { return best }
    // `效益` is inside three 二级 names: only an unambiguous one is a reading.
    let containing = candidates.filter { $0.contains(key) }
    if containing.count == 1 { return containing[0] }
    let scored = candidates.map { (name: $0, distance: StructureEdits.distance(key, $0)) }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    return best.distance <= max(1, best.name.count / 3) ? best.name : nil
  }
}

/// Category names a form covers (`StructureCategories.coveredLevel2`), a handful per form: kept in a list and
/// compared as bytes, which for text whose scalars stand alone (`TextClean.scalarsStandAlone`) is what `String`
/// equality says; other text is compared as `String`s. (A `Set<String>` hashed every name through its normalised form, 3,000 instructions each.)
struct CoveredCategories {
  private var names: [(name: String, isPlain: Bool)] = []

  mutating func insert(_ name: String) {
    names.append((name, TextClean.scalarsStandAlone(name)))
  }

  mutating func insert(contentsOf names: [String]) {
    for name in names { insert(name) }
  }

  func contains(_ name: String) -> Bool {
    let isPlain = TextClean.scalarsStandAlone(name)
    return names.contains { entry in
      entry.name.utf8.elementsEqual(name.utf8) || (!(entry.isPlain && isPlain) && entry.name == name)
    }
  }
}
