// swift-tools-version:6.1
import PackageDescription

// Renders one realistic page with BriefingTemplates and with swift-mustache, same templates and
// data, and prints the times and their ratio. Run with `swift run -c release` in this folder.
let package = Package(
    name: "TemplateBenchmark",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Briefing", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "TemplateBenchmark",
            dependencies: [
                .product(name: "BriefingTemplates", package: "Briefing"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
    ]
)
