#!/usr/bin/env bash
# Fuzzes the model language's front end with libFuzzer (and AddressSanitizer).
#
#   Fuzz/run.sh                 # 1,000,000 executions from the committed corpus
#   RUNS=0 Fuzz/run.sh          # until stopped (or a crash)
#
# Builds .build-fuzz/model-language-fuzzer from the front-end sources with swiftc
# -sanitize=fuzzer,address; new interesting inputs go to .build-fuzz/corpus (not committed),
# crashes to ./crash-* files. Seeds: Fuzz/corpus (small .wean snippets and edge cases).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-1000000}"
mkdir -p .build-fuzz/corpus
sources=(
    Sources/ModelLanguage/FrontEnd/*.swift
    Sources/ModelLanguage/IR/*.swift
    Sources/ModelLanguage/Evaluator/Instruction.swift
    Sources/ModelLanguage/Evaluator/ModelMath.swift
    Sources/ModelLanguage/Evaluator/ExpressionFolding.swift
    Sources/ModelLanguage/Evaluator/ProgramBuilder.swift
    "Sources/ModelLanguage/Evaluator/ProgramBuilder+Derivatives.swift"
    Sources/ModelLanguage/ModelCompiler.swift
    Fuzz/ModelLanguageFuzzer.swift
)
# The front end's one package dependency, built as a module of its own.
swiftc -O -sanitize=address -parse-as-library -wmo -module-name NameSuggestions Sources/NameSuggestions/*.swift \
    -emit-module -emit-module-path .build-fuzz/NameSuggestions.swiftmodule -c -o .build-fuzz/NameSuggestions.o
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name ModelLanguageFuzz "${sources[@]}" \
    -I .build-fuzz .build-fuzz/NameSuggestions.o -o .build-fuzz/model-language-fuzzer
exec .build-fuzz/model-language-fuzzer .build-fuzz/corpus Fuzz/corpus \
    -runs="$RUNS" -max_len=4096 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
