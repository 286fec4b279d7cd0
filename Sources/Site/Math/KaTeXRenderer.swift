import Foundation
import Literate
import Synchronization

/// Typesets TeX into HTML at build time with KaTeX's own `renderToString`, so
/// that pages show their formulas without JavaScript and without reflowing
/// once a script has run; the pages need only KaTeX's style sheet and fonts.
///
/// All the formulas of a build go to one Node process in one call (KaTeX
/// loads once; each distinct formula is typeset once). The output is KaTeX's
/// "htmlAndMathml": the visual HTML for the eye and MathML for screen readers.
///
/// Limits: the HTML is exactly what this KaTeX version produces, so a site is
/// byte-identical only on machines with the same `katex.min.js`; `\def` and
/// `\gdef` do not carry from one formula to the next, each is typeset alone.
public struct KaTeXRenderer: Sendable {
    /// A formula as written between `$…$` (inline) or `$$…$$` (display).
    public struct Formula: Hashable, Sendable {
        public var tex: String
        public var display: Bool

        public init(_ tex: String, display: Bool) {
            self.tex = tex
            self.display = display
        }
    }

    /// A typeset formula: KaTeX's HTML (a `span.katex`, inside a
    /// `span.katex-display` for display math), and what KaTeX's strict mode
    /// noticed without refusing the formula (Unicode text in math mode, say).
    public struct Typeset: Equatable, Sendable {
        public var html: String
        public var warnings: [String]
    }

    /// A formula KaTeX cannot read, with KaTeX's message (which quotes the
    /// place) and the offset in the TeX, in UTF-16 units, where it stopped
    /// when KaTeX says so.
    public struct ParseError: Error, Equatable, Sendable {
        public var message: String
        public var position: Int?
    }

    /// Debian's `libjs-katex`.
    public static let defaultScript = KaTeXAssets.defaultFolder + "/katex.min.js"

    /// The path of `katex.min.js` and of the `node` executable.
    public var script: String
    public var node: String
    /// Formulas typeset before, reused instead of typeset again, when set: for
    /// a process that builds the same site again and again (a preview).
    public var memo: Memo?

    /// What one ``KaTeXRenderer`` typeset, by formula, shared by its copies.
    public final class Memo: Sendable {
        let results = Mutex<[Formula: Result<Typeset, ParseError>]>([:])

        public init() {}
    }

    public init(script: String, node: String) {
        self.script = script
        self.node = node
    }

    /// KaTeX from `folder` (Debian's by default) run by the `node` (or
    /// `nodejs`) found on the `PATH`.
    public static func system(katexFolder: String = KaTeXAssets.defaultFolder) throws(Diagnostic) -> KaTeXRenderer {
        let script = katexFolder + "/katex.min.js"
        guard FileManager.default.isReadableFile(atPath: script) else {
            throw Diagnostic(at: nil, "no KaTeX at '\(script)'; install the Debian package libjs-katex, or pass --katex DIR")
        }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["node", "nodejs"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return KaTeXRenderer(script: script, node: "\(folder)/\(name)")
            }
        }
        throw Diagnostic(at: nil, "no 'node' on the PATH to typeset formulas with KaTeX; install the Debian package nodejs")
    }

    /// Typesets every formula in one run of Node: the results are in the order
    /// of `formulas`. Throws when Node itself cannot run or KaTeX does not load,
    /// never for a formula: a bad formula is its `.failure`.
    public func render(_ formulas: [Formula]) throws(Diagnostic) -> [Result<Typeset, ParseError>] {
        let known = memo?.results.withLock { $0 } ?? [:]
        var distinct: [Formula] = []
        var numbers: [Formula: Int] = [:]
        for formula in formulas where numbers[formula] == nil && known[formula] == nil {
            numbers[formula] = distinct.count
            distinct.append(formula)
        }
        let replies = distinct.isEmpty ? [] : try run(distinct)
        memo?.results.withLock { results in
            for (formula, reply) in zip(distinct, replies) { results[formula] = reply }
        }
        return formulas.map { formula in numbers[formula].map { replies[$0] } ?? known[formula]! }
    }

    private struct Request: Encodable {
        var tex: String
        var display: Bool
    }

    private struct Reply: Decodable {
        var html: String?
        var warnings: [String]?
        var error: String?
        var position: Int?
    }

    private func run(_ formulas: [Formula]) throws(Diagnostic) -> [Result<Typeset, ParseError>] {
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("katex-\(UUID().uuidString)")
        defer { try? files.removeItem(at: folder) }
        let input = folder.appendingPathComponent("formulas.json")
        let output = folder.appendingPathComponent("typeset.json")
        let errors = folder.appendingPathComponent("stderr.txt")
        let process = Process()
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(formulas.map { Request(tex: $0.tex, display: $0.display) }).write(to: input)
            // Files, not pipes: neither side can block on a full pipe.
            _ = files.createFile(atPath: output.path, contents: nil)
            _ = files.createFile(atPath: errors.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: node)
            process.arguments = ["-e", Self.driver, script, input.path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
        } catch {
            throw Diagnostic(at: nil, "cannot run '\(node)' to typeset formulas with KaTeX: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0,
              let data = try? Data(contentsOf: output),
              let replies = try? JSONDecoder().decode([Reply].self, from: data),
              replies.count == formulas.count else {
            let detail = message.split(separator: "\n").prefix(5).joined(separator: "\n")
            throw Diagnostic(at: nil, "KaTeX ('\(script)' run by '\(node)') typeset nothing: exit status \(process.terminationStatus)"
                             + (detail.isEmpty ? "" : "\n" + detail))
        }
        return replies.map { reply in
            if let html = reply.html { return .success(Typeset(html: html, warnings: reply.warnings ?? [])) }
            return .failure(ParseError(message: reply.error ?? "KaTeX gave no HTML", position: reply.position))
        }
    }

    /// The Node program: `node -e DRIVER katex.min.js formulas.json` reads an
    /// array of `{tex, display}` and prints an array of `{html, warnings}` or
    /// `{error, position}`, one per formula.
    static let driver = #"""
    'use strict';
    const fs = require('fs');
    const [katexPath, inputPath] = process.argv.slice(1);
    const katex = require(katexPath);
    const formulas = JSON.parse(fs.readFileSync(inputPath, 'utf8'));
    const replies = formulas.map(({ tex, display }) => {
      const warnings = [];
      try {
        const html = katex.renderToString(tex, {
          displayMode: display,
          throwOnError: true,
          output: 'htmlAndMathml',
          strict: (code, message) => { warnings.push(message); return 'ignore'; },
        });
        return { html, warnings };
      } catch (error) {
        if (!(error instanceof katex.ParseError)) throw error;
        return { error: error.message, position: typeof error.position === 'number' ? error.position : undefined };
      }
    });
    process.stdout.write(JSON.stringify(replies));
    """#
}
