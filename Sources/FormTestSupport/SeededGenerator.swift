import Foundation

/// A deterministic random number generator (SplitMix64), so a randomized test can be replayed from its seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  /// The seed the generator started from; print it when a randomized test fails.
  public let seed: UInt64
  private var state: UInt64

  /// Starts from `seed`.
  public init(seed: UInt64) {
    self.seed = seed
    state = seed
  }

  /// Starts from the seed in the environment variable `name` (decimal or `0x` hex) when set, else `fallback`,
  /// so a failure printed as `seed 0x…` reruns with `JIXIAO_SEED=0x… swift test`.
  public init(environment name: String = "JIXIAO_SEED", fallback: UInt64) {
    self.init(seed: Self.seed(fromEnvironment: name) ?? fallback)
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// The seed as test output shows it.
  public var seedDescription: String { "seed 0x" + String(seed, radix: 16) }

  private static func seed(fromEnvironment name: String) -> UInt64? {
    guard let raw = ProcessInfo.processInfo.environment[name] else { return nil }
    if raw.hasPrefix("0x") { return UInt64(raw.dropFirst(2), radix: 16) }
    return UInt64(raw)
  }
}
