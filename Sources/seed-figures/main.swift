// Writes the seed lecture's figures as SVG files, one per figure, into a folder.
// Usage: seed-figures OUTPUT-FOLDER SEED-DATA.json
import Charts
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: seed-figures OUTPUT-FOLDER SEED-DATA.json\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true)
let data = try JSONDecoder().decode(SeedData.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[2])))
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
for (name, figure) in seedFigures(data) {
    try Data(figure.svg().utf8).write(to: folder.appendingPathComponent(name + ".svg"))
    print("\(name).svg: \(figure.summary)")
}
