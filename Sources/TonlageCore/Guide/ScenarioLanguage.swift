/// What a guide tells the scenario engine about its language, so that a step's expectations
/// understand replies as a speaker would: the dictionary whose stems match inflected forms,
/// the words that turn a mention round, and the endings that give away a bare word stem.
/// Read from the guide's `expectations:` block; all of it is data, none of it Swift.
public struct ScenarioLanguage: Sendable {
    /// BCP 47, as the guide's `language`.
    public let code: String
    /// The Hunspell dictionary for stems (`de_DE`); nil matches words as written.
    public let dictionary: String?
    /// Words that, up to two words before a mention, make it not count ("nicht morgen").
    public let negations: [String]
    /// Endings that make a word the dictionary lacks into one it knows ("beruhig" + "en"): an
    /// expectation word written so is a stem its author meant to end in `*`, which lint says.
    public let stemEndings: [String]
    /// The names of the guide's recognisers, which a step may ask for (`{ recognise: NAME }`).
    public let recognisers: [String]

    public init(code: String, dictionary: String? = nil, negations: [String] = [], stemEndings: [String] = [],
                recognisers: [String] = []) {
        self.code = code
        self.dictionary = dictionary
        self.negations = negations
        self.stemEndings = stemEndings
        self.recognisers = recognisers
    }
}
