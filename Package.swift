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
        // The preview names these in its own code (hummingbird brings them in too).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // glibc's <malloc.h>, for `Heap`.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // File I/O, walking and ignore rules, escaping, media types, hex, parallel work: one copy each.
        .target(name: "DaybookSystem", dependencies: ["CMalloc"]),
        .target(
            name: "DaybookContent",
            dependencies: ["DaybookSystem", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "DaybookMarkdown", dependencies: ["CCmarkGFM", "DaybookSystem"]),
        // The papers indexed: by id, day, tag; weeks and months; related papers; URLs.
        .target(name: "DaybookLibrary", dependencies: ["DaybookContent", "DaybookSystem"]),
        // Themes, page contexts, pages and feeds as jobs that declare their inputs, and the plan
        // that decides which jobs run (the incremental engine's decision, for build and serve).
        .target(
            name: "DaybookRender",
            dependencies: [
                "DaybookContent", "DaybookLibrary", "DaybookMarkdown", "DaybookSystem",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The static search index the theme's search page reads.
        .target(name: "DaybookSearch", dependencies: ["DaybookContent", "DaybookLibrary", "DaybookMarkdown", "DaybookRender", "DaybookSystem"]),
        // The build: config → content → library → pages → output folder, with the build cache.
        .target(
            name: "DaybookSite",
            dependencies: ["DaybookContent", "DaybookLibrary", "DaybookRender", "DaybookSearch", "DaybookSystem"]
        ),
        // `daybook serve`: the site held in memory, updated as files change, served with live reload.
        .target(
            name: "DaybookPreview",
            dependencies: [
                "DaybookContent", "DaybookLibrary", "DaybookRender", "DaybookSearch", "DaybookSite", "DaybookSystem",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "DaybookHTTP",
            dependencies: ["DaybookSystem", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .target(
            name: "DaybookFetch",
            dependencies: ["DaybookContent", "DaybookHTTP", "DaybookSystem", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "DaybookDeploy",
            dependencies: ["DaybookContent", "DaybookHTTP", "DaybookSystem", .product(name: "Yams", package: "Yams"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "daybook",
            dependencies: [
                "DaybookContent", "DaybookSite", "DaybookPreview", "DaybookDeploy", "DaybookFetch", "DaybookHTTP",
                "DaybookSystem", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Temporary folders, folder listings and a seeded generator, shared by the test targets (not shipped).
        .target(name: "DaybookTestSupport", path: "Tests/DaybookTestSupport"),
        .testTarget(name: "DaybookSystemTests", dependencies: ["DaybookSystem", "DaybookTestSupport"]),
        .testTarget(
            name: "DaybookContentTests",
            dependencies: ["DaybookContent", "DaybookSystem", "DaybookTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "DaybookMarkdownTests", dependencies: ["DaybookMarkdown"], exclude: ["Golden"]),
        .testTarget(
            name: "DaybookSiteTests",
            dependencies: ["DaybookContent", "DaybookLibrary", "DaybookRender", "DaybookSearch", "DaybookSite", "DaybookSystem",
                           "DaybookTestSupport", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "DaybookPreviewTests",
            dependencies: ["DaybookContent", "DaybookLibrary", "DaybookPreview", "DaybookRender", "DaybookSearch", "DaybookSite",
                           "DaybookSystem", "DaybookTestSupport"]
        ),
        .testTarget(
            name: "DaybookDeployTests",
            dependencies: ["DaybookContent", "DaybookDeploy", "DaybookHTTP", "DaybookSystem", "DaybookTestSupport"]
        ),
        .testTarget(name: "DaybookFetchTests", dependencies: ["DaybookContent", "DaybookFetch", "DaybookHTTP"]),
        // Runs the built `daybook` executable as a user does (`swift build` first; see DaybookExecutable.swift).
        .testTarget(name: "DaybookCLITests", dependencies: ["DaybookTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
