import LectureCLI

@main
enum Lecture {
    static func main() async {
        await LectureCommand.start()
    }
}
