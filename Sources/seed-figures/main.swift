// Writes the seed lecture's figures as SVG files, one per figure, into a folder,
// and prints each figure's summary.
// Usage: seed-figures OUTPUT-FOLDER
import Charts
import Foundation

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: seed-figures OUTPUT-FOLDER\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: CommandLine.arguments[1], isDirectory: true)
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
for (name, figure) in seedFigures() {
    try Data(figure.svg().utf8).write(to: folder.appendingPathComponent(name + ".svg"))
    print("\(name).svg: \(figure.summary)")
}
