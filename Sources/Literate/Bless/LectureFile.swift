import Foundation

/// Replaces a lecture file with its blessed text, safely:
///
/// - through a symbolic link, to the file it names, which keeps its mode;
/// - never a file that is not writable, or that nobody may write (a read-only
///   lecture is refused, not replaced behind its owner's back);
/// - atomically: the new text goes to a temporary file next to the target,
///   which a rename puts in place, so a reader (or a kill) sees the old file
///   or the new one, never half of one;
/// - only when unchanged since it was read: just before the rename the file is
///   read again and compared with what was blessed, so an edit saved while
///   `bless` ran is kept (the file is skipped with a message). An edit saved in
///   the instant between that comparison and the rename is the one case this
///   cannot see.
public enum LectureFile {
    public enum Outcome: Equatable, Sendable {
        case written
        /// Someone changed the file since it was read; nothing was written.
        case changedSinceRead
    }

    public static func replace(_ path: String, with bytes: [UInt8], ifStill original: [UInt8]) throws(Diagnostic) -> Outcome {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var status = stat()
        guard stat(target, &status) == 0 else {
            throw Diagnostic(at: SourceLocation(file: path, line: 1), "cannot read the file's mode: \(String(cString: strerror(errno)))")
        }
        // A file that nobody may write was made read-only on purpose, even for
        // a user (root) whom the system would let write it.
        guard status.st_mode & 0o222 != 0, access(target, W_OK) == 0 else {
            throw Diagnostic(at: SourceLocation(file: path, line: 1), "the file is not writable (it is read-only); bless did not change it")
        }
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (target as NSString).lastPathComponent + ".bless-\(getpid())-\(UUID().uuidString.prefix(8))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, status.st_mode & 0o7777)
        guard descriptor >= 0 else {
            throw Diagnostic(at: SourceLocation(file: path, line: 1), "cannot write next to the file: \(String(cString: strerror(errno)))")
        }
        var written = 0
        let writeFailed: Bool = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { return errno != EINTR }
                written += count
            }
            return fsync(descriptor) != 0
        }
        _ = fchmod(descriptor, status.st_mode & 0o7777)
        close(descriptor)
        guard !writeFailed else {
            unlink(temporary)
            throw Diagnostic(at: SourceLocation(file: path, line: 1), "cannot write the blessed file: \(String(cString: strerror(errno)))")
        }
        guard FileManager.default.contents(atPath: target).map({ [UInt8]($0) == original }) ?? false else {
            unlink(temporary)
            return .changedSinceRead
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Diagnostic(at: SourceLocation(file: path, line: 1), "cannot replace the file: \(reason)")
        }
        return .written
    }
}
