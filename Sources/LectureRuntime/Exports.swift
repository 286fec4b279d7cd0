// A chapter program imports `LectureRuntime` alone and gets the libraries too.
@_exported import Neural
@_exported import Charts
