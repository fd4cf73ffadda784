extension YAMLFields {
    /// The Hunspell dictionary a field names (`dictionary: de_DE`), or nil. A name that is no
    /// dictionary name is an error at the field; a dictionary not installed on this machine is a
    /// `missing-dictionary` warning that ends with what follows from it (`consequence`): the
    /// dictionaries are GPL and never shipped, so a guide must still load without them.
    func dictionary(_ key: String = "dictionary", required: Bool = false, what: String = "this mapping",
                    consequence: String) -> HunspellDictionary? {
        guard let name = string(key, required: required, what: what) else { return nil }
        guard HunspellDictionary.isValidName(name) else {
            error("`\(name)` is not a dictionary name like `de_DE`", code: .badValue, at: key)
            return nil
        }
        guard let dictionary = HunspellDictionary.named(name) else {
            sink.report("the dictionary `\(name)` is not installed (no \(name).aff and \(name).dic in "
                        + HunspellDictionary.searchPaths.joined(separator: ", ") + "); " + consequence,
                        code: .missingDictionary, at: node(key)?.mark)
            return nil
        }
        return dictionary
    }
}
