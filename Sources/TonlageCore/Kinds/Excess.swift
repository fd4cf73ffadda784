/// The hit of a counting kind (emoji, hashtags): the items beyond the allowance, with the
/// count and the allowance for the message.
enum Excess {
    static func hit(_ items: [Range<Int>], allowed: Int) -> Hit? {
        guard items.count > allowed, let last = items.last else { return nil }
        return Hit(start: items[allowed].lowerBound, end: last.upperBound,
                   values: ["value": String(items.count), "max": String(allowed)])
    }
}
