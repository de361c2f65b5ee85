import ArgumentParser

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, serve on localhost and rebuild on every change.")

    func run() async throws {}
}
