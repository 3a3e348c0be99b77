// swift-tools-version: 6.0
import PackageDescription

// Layers (see ARCHITECTURE.md): Sequences ← FormSyntax ← FormModel ← FormLint ← FormServer ← JixiaoCLI ← jixiao.
// LSP knows nothing about forms. OfficeFormats (zip, XML, .docx/.xlsx) knows nothing about forms either (it shares only Sequences). No third-party packages.
let package = Package(
  name: "jixiao",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "jixiao", targets: ["jixiao"]),
    .executable(name: "jixiao-bench", targets: ["JixiaoBench"]),
  ],
  targets: [
    // Algorithms over plain sequences (the one binary search, the LCS line diff), for every module alike.
    .target(name: "Sequences"),
    .target(name: "FormSyntax", dependencies: ["Sequences"]),
    .target(name: "FormModel", dependencies: ["FormSyntax"]),
    .target(name: "FormLint", dependencies: ["FormSyntax", "FormModel", "Sequences"]),
    .target(name: "LSP"),
    // The system zlib (Debian: zlib1g-dev to build), for the zip container of .docx/.xlsx.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "OfficeFormats", dependencies: ["CZlib", "Sequences"]),
    .target(name: "FormServer", dependencies: ["FormSyntax", "FormModel", "FormLint", "LSP", "Sequences"]),
    .target(name: "JixiaoCLI", dependencies: ["FormSyntax", "FormModel", "FormLint", "FormServer", "LSP", "OfficeFormats"]),
    .executableTarget(name: "jixiao", dependencies: ["JixiaoCLI"]),
    .executableTarget(
      name: "JixiaoBench", dependencies: ["FormSyntax", "FormModel", "FormLint", "FormServer", "LSP", "FormTestSupport"]),
    .target(name: "FormTestSupport", dependencies: ["FormSyntax", "Sequences"]),
    .testTarget(name: "FormSyntaxTests", dependencies: ["FormSyntax", "FormTestSupport", "Sequences"], exclude: ["__Snapshots__"]),
    .testTarget(name: "FormModelTests", dependencies: ["FormModel", "FormTestSupport"]),
    .testTarget(name: "FormLintTests", dependencies: ["FormLint", "FormTestSupport"]),
    .testTarget(name: "LSPTests", dependencies: ["LSP"]),
    .testTarget(name: "FormServerTests", dependencies: ["FormServer", "LSP", "FormTestSupport"]),
    .testTarget(name: "JixiaoCLITests", dependencies: ["JixiaoCLI", "FormTestSupport"]),
    .testTarget(name: "OfficeFormatsTests", dependencies: ["OfficeFormats", "JixiaoCLI", "FormTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
