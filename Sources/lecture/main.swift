import LectureCLI

await LectureCommand.main()
