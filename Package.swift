// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Daybook",
    // Linux only for now: file I/O calls Glibc and the preview watches files with inotify. No
    // platforms are claimed until the code is ported and built on macOS.
    products: [
        .executable(name: "daybook", targets: ["daybook"]),
        .library(name: "DaybookSite", targets: ["DaybookSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "DaybookContent",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(name: "DaybookMarkdown", dependencies: ["CCmarkGFM"]),
        .target(
            name: "DaybookSite",
            dependencies: [
                "DaybookContent", "DaybookMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "DaybookPreview",
            dependencies: ["DaybookSite", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .target(
            name: "DaybookHTTP",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .target(
            name: "DaybookFetch",
            dependencies: ["DaybookContent", "DaybookHTTP", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "DaybookDeploy",
            dependencies: [
                "DaybookContent", "DaybookSite", "DaybookHTTP",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(
            name: "daybook",
            dependencies: [
                "DaybookContent", "DaybookSite", "DaybookPreview", "DaybookDeploy", "DaybookFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DaybookContentTests", dependencies: ["DaybookContent"]),
        .testTarget(name: "DaybookMarkdownTests", dependencies: ["DaybookMarkdown"], exclude: ["Golden"]),
        .testTarget(name: "DaybookSiteTests", dependencies: ["DaybookSite"], exclude: ["Golden"]),
        .testTarget(name: "DaybookPreviewTests", dependencies: ["DaybookPreview"]),
        .testTarget(name: "DaybookDeployTests", dependencies: ["DaybookDeploy", "DaybookHTTP", "DaybookSite"]),
        .testTarget(name: "DaybookFetchTests", dependencies: ["DaybookFetch", "DaybookHTTP"]),
        // Runs the built `daybook` executable as a user does (`swift build` first; see DaybookExecutable.swift).
        .testTarget(name: "DaybookCLITests"),
    ],
    swiftLanguageModes: [.v6]
)
