/// One field of a CSV file (RFC 4180) that a spreadsheet opens as text.
enum CSVField {
    /// Quoted when it holds a comma, a quote, a line feed or a carriage return (quotes
    /// doubled). A field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return,
    /// which a spreadsheet would run as a formula, gets a leading `'` (OWASP's advice on CSV
    /// injection): agent names and titles come from people.
    static func quoted(_ raw: String) -> String {
        var field = raw
        if let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
