import LectureTesting

/// The golden files of these tests, in `Golden/`.
let golden = GoldenFolder(beside: #filePath)
