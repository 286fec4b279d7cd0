import Foundation
import Literate

/// What the site says about the course as a whole, from the optional
/// `course.json` in the lectures folder:
///
/// ```json
/// {"title": "Neural networks from scratch", "description": "One paragraph for the front page."}
/// ```
///
/// Without the file, the course is called "Lectures" and has no description.
public struct CourseInfo: Sendable, Equatable, Decodable {
    public var title: String
    public var description: String?
    /// How raw HTML in the lectures' prose is written: GitHub's filter unless
    /// `"rawHTML": "unfiltered"`.
    public var rawHTML: RawHTMLPolicy

    public init(title: String = "Lectures", description: String? = nil, rawHTML: RawHTMLPolicy = .filtered) {
        self.title = title
        self.description = description
        self.rawHTML = rawHTML
    }

    private enum CodingKeys: String, CodingKey {
        case title, description, rawHTML
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        rawHTML = try container.decodeIfPresent(RawHTMLPolicy.self, forKey: .rawHTML) ?? .filtered
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
            return info
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic(at: SourceLocation(file: path, line: 1),
                             "cannot read the course description: expected {\"title\": \"...\", \"description\": \"...\"} (\(error.localizedDescription))")
        }
    }
}
