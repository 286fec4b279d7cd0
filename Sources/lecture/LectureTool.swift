import LectureCLI

@main
enum LectureTool {
    static func main() async {
        await LectureCommand.start()
    }
}
