import Foundation
import Literate

/// What the site says about the course as a whole, from the optional
/// `course.json` in the lectures folder:
///
/// ```json
/// {"title": "Neural networks from scratch", "description": "One paragraph for the front page.",
///  "repository": "https://github.com/owner/course/blob/main/lectures/"}
/// ```
///
/// Without the file, the course is called "Lectures" and has no description.
/// `repository` is the web address of the lectures folder in the course's
/// repository: each chapter page links to it with the chapter's file name
/// appended ("View the source of this page").
public struct CourseInfo: Sendable, Equatable, Decodable {
    public var title: String
    public var description: String?
    /// How raw HTML in the lectures' prose is written: GitHub's filter unless
    /// `"rawHTML": "unfiltered"`.
    public var rawHTML: RawHTMLPolicy
    public var repository: String?

    public init(title: String = "Lectures", description: String? = nil, rawHTML: RawHTMLPolicy = .filtered, repository: String? = nil) {
        self.title = title
        self.description = description
        self.rawHTML = rawHTML
        self.repository = repository
    }

    private enum CodingKeys: String, CodingKey {
        case title, description, rawHTML, repository
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        rawHTML = try container.decodeIfPresent(RawHTMLPolicy.self, forKey: .rawHTML) ?? .filtered
        repository = try container.decodeIfPresent(String.self, forKey: .repository)
    }

    /// The address of the chapter at `path` in the repository, if one is named.
    func sourceURL(of path: String) -> String? {
        guard let repository, let name = path.split(separator: "/").last else { return nil }
        return (repository.hasSuffix("/") ? repository : repository + "/") + name
    }

    /// Reads `course.json` in `lecturesFolder`, if there is one.
    public static func load(lecturesFolder: String) throws(Diagnostic) -> CourseInfo {
        let path = (lecturesFolder.hasSuffix("/") ? lecturesFolder : lecturesFolder + "/") + "course.json"
        guard let data = FileManager.default.contents(atPath: path) else { return CourseInfo() }
        do {
            let info = try JSONDecoder().decode(CourseInfo.self, from: data)
            guard !info.title.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Diagnostic(at: SourceLocation(file: path, line: 1), "the course title is empty")
            }
            if let repository = info.repository, !(repository.hasPrefix("https://") || repository.hasPrefix("http://")) {
                throw Diagnostic(at: SourceLocation(file: path, line: 1),
                                 "the repository '\(repository)' is not a web address: expected https://… of the lectures folder")
            }
            return info
        } catch let error as Diagnostic {
            throw error
        } catch {
            let text = "text in quotes in the course description"
            if let problem = CourseJSON.problem(error, in: data, path: path, expected: ["title": text, "description": text, "repository": text]) {
                throw problem
            }
            throw Diagnostic(at: SourceLocation(file: path, line: 1),
                             "cannot read the course description: expected {\"title\": \"...\", \"description\": \"...\"} (\(error.localizedDescription))")
        }
    }
}
