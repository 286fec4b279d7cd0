import ArgumentParser
import Literate

/// `lecture list`: the chapters of the course.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the chapters: number, id, title and number of cells.",
        discussion: """
        Examples:
          lecture list
          lecture list --lectures other-course/lectures

        Exit status: 0 ok, 2 when a lecture cannot be read.
        """
    )

    @OptionGroup var course: CourseOptions

    func run() throws {
        var rows: [[String]] = [["#", "id", "title", "cells"]]
        var broken = false
        for path in try course.chapterPaths([]) {
            do {
                let lecture = try Course.load(path)
                rows.append([lecture.number.map(String.init) ?? "", lecture.id, lecture.title, String(lecture.cells.count)])
            } catch {
                printError(error.description)
                broken = true
            }
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let padded = row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 || column == 3 ? padding + text : text + padding
            }
            print(padded.joined(separator: "  "))
        }
        if broken { throw Failure.usage("") }
    }
}
