import Foundation

/// The reply as a reader sees it, for rules that match characters rather than words
/// (`pattern`): invisible characters left out, look-alike letters and full-width forms mapped
/// to the Latin letters they imitate, stacked marks dropped. Case is kept, as patterns may be
/// case-sensitive. Built only for a reply that holds such characters.
struct NormalizedView {
    let text: String
    /// `originalOffset[b]`: the byte of the reply where byte `b` of `text` came from; one more
    /// entry for the end.
    let originalOffset: [Int]

    init(_ analyzed: AnalyzedText) {
        var out = String.UnicodeScalarView()
        var offsets: [Int] = []
        offsets.reserveCapacity(analyzed.bytes.count + 1)
        let scalars = Array(analyzed.text.unicodeScalars)
        var byte = 0
        var i = 0
        func emit(_ scalar: Unicode.Scalar, from origin: Int) {
            out.append(scalar)
            for _ in 0..<UTF8.width(scalar) { offsets.append(origin) }
        }
        while i < scalars.count {
            let scalar = scalars[i]
            let value = scalar.value
            let width = UTF8.width(scalar)
            if UTF8Scanning.isInvisible(value) {
                byte += width
                i += 1
                continue
            }
            if UTF8Scanning.isCombiningMark(value) {
                // A mark with no base before it (it followed an invisible one, or another mark).
                byte += width
                i += 1
                continue
            }
            var plain = Confusables.latin(for: value) ?? scalar
            if value >= 0xFF01 && value <= 0xFF5E, let ascii = Unicode.Scalar(value - 0xFEE0) { plain = ascii }
            // A base with marks: keep it composed when the marks compose ("a" + "¨" = "ä"),
            // else the base alone (stacked marks disguise, they do not spell).
            var j = i + 1
            var cluster = String(plain)
            var clusterWidth = width
            while j < scalars.count, UTF8Scanning.isCombiningMark(scalars[j].value) {
                cluster.unicodeScalars.append(scalars[j])
                clusterWidth += UTF8.width(scalars[j])
                j += 1
            }
            if j > i + 1 {
                let composed = cluster.precomposedStringWithCanonicalMapping.unicodeScalars
                if composed.count == 1, let single = composed.first { plain = single }
            }
            emit(plain, from: byte)
            byte += clusterWidth
            i = j
        }
        offsets.append(byte)
        text = String(out)
        originalOffset = offsets
    }
}
