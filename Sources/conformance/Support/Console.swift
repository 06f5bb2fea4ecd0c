import Foundation

/// Output helpers: results on standard output, progress and diagnostics on standard error.
enum Console {
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
