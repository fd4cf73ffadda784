extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` makes them, but through the
    /// specialised growth path. `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)`
    /// allocate through a generic entry point that looks up the storage type's metadata in the
    /// runtime's hash table on every call (measured: 37 against 26 ns for 20 `Int32`s). For the
    /// arrays made per reply.
    @inline(__always)
    init(filling value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
