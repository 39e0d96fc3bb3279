// swift-tools-version: 6.1
// Wean — simulation of opioid tolerance, opioid-induced hyperalgesia and MSC therapy.
// Research and education software, not medical advice.

import PackageDescription

let package = Package(
    name: "Wean",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wean", targets: ["wean"]),
        .library(name: "Solvers", targets: ["Solvers"]),
        .library(name: "ModelLanguage", targets: ["ModelLanguage"]),
        .library(name: "Dosing", targets: ["Dosing"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "ReferenceProblems", targets: ["ReferenceProblems"]),
        .library(name: "Clinic", targets: ["Clinic"]),
        .library(name: "Pharmacology", targets: ["Pharmacology"]),
        .library(name: "Plots", targets: ["Plots"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // MARK: - Engine

        /// ODE integrators: adaptive explicit Runge–Kutta with dense output, root finding,
        /// discontinuity restarts and step statistics. No I/O, no server dependencies.
        .target(
            name: "Solvers",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),

        /// The model language: lexer, parser, checker, IR and the register-machine evaluator.
        .target(
            name: "ModelLanguage",
            dependencies: ["Solvers", "NameSuggestions"]
        ),

        /// Edit distance and "did you mean …?" suggestions, shared by every error message that
        /// names an unknown name.
        .target(name: "NameSuggestions"),

        /// Dose records and their command-line form.
        .target(name: "Dosing", dependencies: ["NameSuggestions"]),

        /// Runs a compiled model through doses: stop times at every dose and infusion edge.
        .target(
            name: "Simulation",
            dependencies: ["Solvers", "ModelLanguage", "Dosing", "NameSuggestions"]
        ),

        /// `wean-codegen`: a model file to native Swift (run by the WeanModelCompiler plugin).
        .executableTarget(name: "wean-codegen", dependencies: ["ModelLanguage"]),
        .plugin(name: "WeanModelCompiler", capability: .buildTool(), dependencies: ["wean-codegen"]),

        /// The package's own models, compiled natively at build time.
        .target(
            name: "ModelLibrary",
            dependencies: ["ModelLanguage", "Solvers"],
            plugins: ["WeanModelCompiler"]
        ),

        /// Reference problems with published solutions (the Bari IVP test set), for tests and
        /// `wean bench`.
        .target(
            name: "ReferenceProblems",
            dependencies: ["Solvers"],
            resources: [.copy("Data")]
        ),

        /// `wean bench`: work-precision runs of Wean's solvers and of peers (CVODE, scipy) run as
        /// subprocesses from `benchmarks/peers/`. Not needed by the tests of the engine.
        .target(
            name: "Benchmarks",
            dependencies: ["Solvers", "ReferenceProblems", "ModelLanguage", "ModelLibrary", "Dosing", "Simulation"]
        ),

        // MARK: - Pharmacology

        /// The opioid PK library (`.wean` models compiled natively), species, readouts and the
        /// experiment framework that reruns published designs against the model.
        .target(
            name: "Pharmacology",
            dependencies: ["ModelLanguage", "Solvers", "Dosing", "Simulation", "NameSuggestions"],
            plugins: ["WeanModelCompiler"]
        ),

        /// SVG plots made by Wean itself (axes, lines, observed points with error bars, legend),
        /// shared by experiments, reports and, later, the web pages. No dependencies.
        .target(name: "Plots"),

        // MARK: - Clinic

        /// MME with published conversion tables, the product catalogue, long-term-use risk and
        /// the clinical scales. Depends on nothing else in Wean yet (model-guided tapers will
        /// bring Pharmacology).
        .target(name: "Clinic", dependencies: ["NameSuggestions"], resources: [.copy("Data")]),

        // MARK: - Faces

        /// The command-line commands as a library, so they are tested in process.
        .target(
            name: "WeanCLI",
            dependencies: [
                "Solvers",
                "ReferenceProblems",
                "ModelLanguage",
                "ModelLibrary",
                "Dosing",
                "Simulation",
                "Benchmarks",
                "Clinic",
                "Pharmacology",
                "Plots",
                "NameSuggestions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// The `wean` executable: one line that hands over to `WeanCLI`.
        .executableTarget(name: "wean", dependencies: ["WeanCLI"]),

        // MARK: - Tests

        .testTarget(name: "SolversTests", dependencies: ["Solvers", "ReferenceProblems"]),
        .testTarget(
            name: "ModelLanguageTests",
            dependencies: ["ModelLanguage", "ModelLibrary", "Solvers", "Dosing", "Simulation", "ReferenceProblems"]
        ),
        .testTarget(name: "ClinicTests", dependencies: ["Clinic"]),
        .testTarget(name: "PharmacologyTests", dependencies: ["Pharmacology", "Simulation", "Dosing", "ModelLanguage"]),
        .testTarget(name: "PlotsTests", dependencies: ["Plots"]),
        .testTarget(name: "WeanCLITests", dependencies: ["WeanCLI", "Solvers", "Benchmarks", "Clinic", "Pharmacology", "Simulation"]),
    ]
)
