import Foundation
import NextSendTestSupport
import Testing

/// The tarball `Scripts/package` writes, taken to a machine without Swift: here, this machine with
/// the toolchain's runtime folder hidden behind an empty mount in a private mount namespace.
/// `Scripts/test --full` packages first and names the tarball in `NEXTSEND_PACKAGE`.
@Suite(.tags(.slow), .enabled(if: SlowTests.enabled, "Scripts/test --full")) struct PackageTests {
    let cli = CLI()

    @Test func thePackagedBinaryRunsTheDemoWithTheToolchainHidden() async throws {
        guard let tarball = ProcessInfo.processInfo.environment["NEXTSEND_PACKAGE"], !tarball.isEmpty else {
            if PostgresTestServer.required { Issue.record("NEXTSEND_PACKAGE is not set: Scripts/test --full packages before testing") }
            return
        }
        let unpacked = cli.folder.path("unpacked")
        try FileManager.default.createDirectory(atPath: unpacked, withIntermediateDirectories: true)
        let untar = try cli.runBinary(["-xzf", tarball, "-C", unpacked], executable: "/usr/bin/tar")
        #expect(untar.status == 0, "\(untar.stderr)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: unpacked).first)
        let root = URL(fileURLWithPath: unpacked).appendingPathComponent(name)
        let binary = root.appendingPathComponent("bin/nextsend").path
        for file in ["bin/nextsend", "README.md", "LICENSE", "SYSTEM-LIBRARIES.txt", "licenses/swift-runtime.txt", "licenses/GRDB.swift.txt",
                     "licenses/swift-nio.txt", "content/taxonomy.yaml", "deploy/systemd/nextsend-serve.service",
                     "deploy/kubernetes/serve-deployment.yaml", "docs/operations.md"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), "\(file) in the tarball")
        }
        #expect(name.hasPrefix("nextsend-") && name.contains("-linux-"))

        // Where the debug build loads the Swift runtime from: the folder to hide.
        let ldd = try cli.runBinary([CLI.binary.path], executable: "/usr/bin/ldd")
        let runtime = try #require(ldd.stdout.split(separator: "\n").first { $0.contains("libswiftCore.so") }
            .flatMap { $0.split(separator: " ").first { $0.hasPrefix("/") } }
            .map { URL(fileURLWithPath: String($0)).deletingLastPathComponent().path })
        func hidden(_ arguments: [String]) throws -> CLI.Result {
            try cli.runBinary(["--user", "--map-root-user", "--mount", "sh", "-c", #"mount -t tmpfs none "$0" && exec "$@""#, runtime] + arguments,
                        executable: "/usr/bin/unshare", in: root)
        }
        // The control: the build the README makes cannot start without the toolchain.
        let control = try hidden([CLI.binary.path, "--version"])
        if control.stderr.hasPrefix("unshare:") || control.stderr.contains("mount: ") {
            // A container whose seccomp profile refuses user namespaces: the toolchain cannot be hidden here.
            FileHandle.standardError.write(Data("warning: PackageTests cannot hide the toolchain here (\(control.stderr.prefix(200))); skipped\n".utf8))
            return
        }
        #expect(control.status == 127, "the toolchain is really hidden: \(control.status) \(control.stderr)")
        #expect(control.stderr.contains("libswift"))

        // The packaged binary tells the demo's story, word for word as the debug build does.
        let packaged = try hidden([binary, "demo", "--content", "content"])
        #expect(packaged.status == 0, "\(packaged.stderr)")
        let expected = try await cli.run(["demo", "--content", "content"], in: URL(fileURLWithPath: CLI.repositoryContent).deletingLastPathComponent())
        #expect(expected.status == 0)
        #expect(packaged.stdout == expected.stdout)
        #expect(packaged.stdout.contains("What to send next"))

        // The notes name every library the binary still loads, and no Swift runtime.
        let notes = try String(contentsOf: root.appendingPathComponent("SYSTEM-LIBRARIES.txt"), encoding: .utf8)
        let needed = try cli.runBinary([binary], executable: "/usr/bin/ldd").stdout.split(separator: "\n")
            .compactMap { line -> String? in
                let library = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
                return line.contains("=>") && !library.hasPrefix("linux-vdso") && !library.hasPrefix("ld-linux") ? library : nil
            }
        #expect(!needed.isEmpty)
        for library in needed { #expect(notes.contains(library), "\(library) is in SYSTEM-LIBRARIES.txt") }
        #expect(!notes.contains("libswift"))

        // The image's runtime stage provides each of those packages: debian:bookworm-slim has the
        // C and C++ runtimes and zlib; the Dockerfile installs the rest.
        let dockerfile = try String(contentsOfFile: URL(fileURLWithPath: CLI.repositoryContent).deletingLastPathComponent()
            .appendingPathComponent("deploy/docker/Dockerfile").path, encoding: .utf8)
        let runtimeStage = dockerfile.components(separatedBy: "\nFROM ").last ?? ""
        let inSlimBase: Set<String> = ["libc6", "libgcc-s1", "libstdc++6", "zlib1g"]
        // Two lines of prose, a blank line, the header, then one library per line.
        let packages = notes.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4)
            .compactMap { $0.split(separator: " ").last.map(String.init) }
        #expect(!packages.isEmpty)
        for package in packages where !inSlimBase.contains(package) {
            #expect(runtimeStage.contains(package), "the Dockerfile's runtime stage installs \(package)")
        }
    }
}
