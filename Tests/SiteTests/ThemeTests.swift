import Foundation
import Literate
import Testing
@testable import Site

/// The theme is data: templates, CSS and scripts read at build time.
@Suite struct ThemeTests {
    static func themeFolder(_ templates: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        for (name, text) in templates {
            try Data(text.utf8).write(to: folder.appendingPathComponent("templates/\(name).mustache"))
        }
        return folder.path
    }

    @Test func thePackagesThemeLoads() throws {
        let theme = try Theme(folder: Fixture.themeFolder)
        #expect(theme.assets.keys.sorted() == ["dark.css", "search.js", "site.js", "style.css"])
    }

    @Test func doubleBracesAreRejectedWhereTheyStand() throws {
        let folder = try Self.themeFolder(["index": "<h1>{{{course.title}}}</h1>\n<p>{{ summary }}</p>", "chapter": "{{! a comment }}{{#chapter}}{{{body}}}{{/chapter}}"])
        #expect {
            try Theme(folder: folder)
        } throws: { error in
            (error as? Diagnostics)?.description == "\(folder)/templates/index.mustache:2:4: error: '{{summary}}' would escape HTML twice: values are HTML already, write '{{{summary}}}'"
        }
    }

    @Test func missingTemplatesAndBadSyntaxAreErrors() throws {
        let folder = try Self.themeFolder(["index": "{{#chapters}}unclosed"])
        #expect {
            try Theme(folder: folder)
        } throws: { error in
            let text = (error as? Diagnostics)?.description ?? ""
            return text.contains("index.mustache:") && text.contains("bad template") && text.contains("has no templates/chapter.mustache")
        }
        #expect(throws: Diagnostics.self) { try Theme(folder: folder + "/nowhere") }
    }
}
