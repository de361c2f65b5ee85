// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Briefing",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        .library(name: "BriefingKit", targets: ["BriefingKit"]),
        .library(name: "BriefingTemplates", targets: ["BriefingTemplates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // glibc's <malloc.h>, for the command line's heap tuning (Linux only).
        .systemLibrary(name: "CMalloc"),
        .target(name: "BriefingSupport"),
        .target(name: "BriefingMarkdown", dependencies: ["Ccmark"]),
        .target(name: "BriefingTemplates", dependencies: ["BriefingSupport"]),
        .target(
            name: "BriefingKit",
            dependencies: [
                "BriefingSupport",
                "BriefingMarkdown",
                "BriefingTemplates",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "BriefingServe",
            dependencies: [
                "BriefingKit",
                "BriefingSupport",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingKit",
                "BriefingSupport",
                "BriefingServe",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "BriefingTestSupport", path: "Tests/BriefingTestSupport"),
        .testTarget(name: "BriefingTemplatesTests", dependencies: ["BriefingTemplates"]),
        .testTarget(name: "BriefingSupportTests", dependencies: ["BriefingSupport", "BriefingMarkdown"]),
        .testTarget(name: "BriefingMarkdownTests", dependencies: ["BriefingMarkdown", "BriefingSupport"]),
        .testTarget(name: "BriefingKitTests", dependencies: ["BriefingKit", "BriefingSupport", "BriefingMarkdown", "BriefingTestSupport"]),
        .testTarget(name: "BriefingServeTests", dependencies: ["BriefingServe", "BriefingKit", "BriefingSupport", "BriefingTestSupport"]),
    ]
)
