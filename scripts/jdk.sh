# shellcheck shell=bash
# Sourced by ./chargeline, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: JAVA_HOME when it is >= 21, else the newest JDK under /usr/lib/jvm, else `java` on PATH.

chargeline_java_major() { # prints the feature version of the java binary given as $1
  # A JDK's `release` file names its version; reading it costs nothing, unlike starting a JVM.
  local home release version
  home=$(dirname "$(dirname "$(readlink -f "$1")")")
  release="$home/release"
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$release" | head -n1)
    if [ "$version" = 1 ]; then version=8; fi
    if [ -n "$version" ]; then echo "$version"; return; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1
}

chargeline_pick_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(chargeline_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then return 0; fi
    echo "chargeline: JAVA_HOME=$JAVA_HOME is Java ${major:-?}; looking for a JDK >= 21 elsewhere" >&2
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(chargeline_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$candidate; best_major=$major
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(chargeline_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then best=$candidate; fi
  fi
  if [ -z "$best" ]; then
    echo "chargeline: no JDK 21 or newer found (checked JAVA_HOME, /usr/lib/jvm/*, and java on PATH)." >&2
    echo "chargeline: install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
