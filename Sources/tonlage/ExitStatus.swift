/// The exit codes every command keeps (a contract with scripts and CI).
enum ExitStatus {
    static let passed: Int32 = 0
    static let failed: Int32 = 1
    static let badInput: Int32 = 2
    static let ioError: Int32 = 3

    /// The table for `--help` and the README.
    static let help = """
        Exit codes: 0 passed, 1 failed the guide, 2 bad usage or bad input (invalid UTF-8, a \
        control character in a reply, a broken guide or scenario file, a store from a newer \
        Tonlage), 3 an I/O or internal error (a full disk, a file name too long, a failing \
        database). A reader that closes the pipe early (`| head`) ends the command quietly \
        with the code earned so far.
        """
}
