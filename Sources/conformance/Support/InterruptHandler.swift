import Dispatch
import Foundation

/// Turns SIGINT into a callback instead of an immediate exit, so that a run can clean up
/// first; a second SIGINT exits at once with 130.
final class InterruptHandler: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private var count = 0
    private let lock = NSLock()

    /// Installs the handler; `onInterrupt` runs (once) on a background queue.
    init(_ onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [unowned self] in
            self.lock.lock()
            self.count += 1
            let count = self.count
            self.lock.unlock()
            if count == 1 {
                onInterrupt()
            } else {
                FileHandle.standardError.write(Data("conformance: interrupted again; exiting without cleanup\n".utf8))
                exit(130)
            }
        }
        source.resume()
    }

    /// Restores the default SIGINT behaviour.
    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
