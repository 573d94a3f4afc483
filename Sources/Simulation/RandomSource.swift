/// A small, fast, seedable generator (SplitMix64), so that a simulation with the same seed
/// makes the same choices on every machine and every run.
public struct RandomSource: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// True with the given probability.
  public mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &self) < probability
  }

  /// A whole number of milliseconds in `range` seconds, uniformly.
  public mutating func milliseconds(inSeconds range: ClosedRange<Double>) -> Int64 {
    Int64(Double.random(in: range, using: &self) * 1000)
  }

  /// An exponentially distributed delay with the given mean, in milliseconds (at least 1).
  public mutating func exponentialMilliseconds(mean: Double) -> Int64 {
    let uniform = Double.random(in: Double.ulpOfOne..<1, using: &self)
    return max(1, Int64(-naturalLog(uniform) * mean))
  }
}

/// ln(x) for 0 < x <= 1 without Foundation: range reduction by powers of two, then the
/// atanh series, accurate to ~1e-12, which is plenty for drawing delays.
func naturalLog(_ x: Double) -> Double {
  var value = x
  var exponent = 0.0
  while value < 0.5 {
    value *= 2
    exponent -= 1
  }
  let ratio = (value - 1) / (value + 1)
  let square = ratio * ratio
  var term = ratio
  var sum = 0.0
  var denominator = 1.0
  for _ in 0..<30 {
    sum += term / denominator
    term *= square
    denominator += 2
  }
  return 2 * sum + exponent * 0.693_147_180_559_945_3
}
