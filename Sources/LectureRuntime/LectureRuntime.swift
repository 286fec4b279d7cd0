// The LectureRuntime module.
