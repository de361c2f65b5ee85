// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Briefing, kept out of the main package so that its builds never need the fuzzer
// runtime. Build and run them with ../scripts/fuzz.sh TARGET SECONDS.
let fuzzing: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])]
let fuzzerRuntime: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "BriefingFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Briefing", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "BriefingKit", package: "Briefing")]),
        .executableTarget(
            name: "FuzzTemplates",
            dependencies: ["FuzzSupport", .product(name: "BriefingTemplates", package: "Briefing")],
            swiftSettings: fuzzing,
            linkerSettings: fuzzerRuntime
        ),
        .executableTarget(
            name: "FuzzPage",
            dependencies: ["FuzzSupport", .product(name: "BriefingKit", package: "Briefing")],
            swiftSettings: fuzzing,
            linkerSettings: fuzzerRuntime
        ),
        .executableTarget(
            name: "FuzzData",
            dependencies: ["FuzzSupport", .product(name: "BriefingKit", package: "Briefing")],
            swiftSettings: fuzzing,
            linkerSettings: fuzzerRuntime
        ),
    ]
)
