#!/usr/bin/env bash
# Prints the app's package graph from its bytecode (jdeps on target/classes): one line per package,
# "package -> the app's packages it references" (nothing after the arrow: none), names without
# "org.divergencelab." (the root package is "(root)"). Every sub-package is a package of its own.
# Compile first (mvn -B -q -o compile); jdeps must read Java 25 class files: $JDEPS, else $JAVA_HOME/bin/jdeps,
# else the one on the PATH. PackageCyclesTest fails on any cycle in this graph.
#   --edges   one "from -> to" line per edge instead
set -euo pipefail
cd "$(dirname "$0")/../.."
jdeps=${JDEPS:-${JAVA_HOME:+$JAVA_HOME/bin/}jdeps}
"$jdeps" -verbose:package -filter:none target/classes \
  | awk -v edges="${1:-}" '
      function short(p) { return p == "org.divergencelab" ? "(root)" : substr(p, length("org.divergencelab.") + 1) }
      function ours(p) { return p == "org.divergencelab" || index(p, "org.divergencelab.") == 1 }
      $2 == "->" && ours($1) {
        from = short($1); seen[from] = 1
        if (ours($3) && $3 != $1) to[from, short($3)] = 1
      }
      END {
        for (k in to) { split(k, e, SUBSEP); if (edges == "--edges") print e[1] " -> " e[2]; else list[e[1]] = list[e[1]] " " e[2] }
        if (edges != "--edges") for (p in seen) print p " ->" list[p]
      }' \
  | sort \
  | if [ "${1:-}" = --edges ]; then cat; else
      # sort each package's targets and separate them with commas
      while read -r from arrow rest; do
        targets=$(tr ' ' '\n' <<<"$rest" | sort | paste -sd, - | sed 's/,/, /g')
        echo "$from ->${targets:+ $targets}"
      done; fi
