# Picks a JDK of version 21 or newer. The machine's default java may be older (JDK 17 here),
# so nothing may rely on PATH: every script sources this and uses $JAVA_HOME.

jdk_major() { # $1 = a JDK home; prints its feature version, or nothing
  local release="$1/release"
  [[ -x "$1/bin/javac" && -f "$release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

select_jdk() {
  local home major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" ]]; then
    major=$(jdk_major "$JAVA_HOME")
    if [[ -n "$major" && "$major" -ge 21 ]]; then export JAVA_HOME; return 0; fi
  fi
  for home in /usr/lib/jvm/*; do
    [[ -L "$home" ]] && continue
    major=$(jdk_major "$home")
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
      best="$home" best_major="$major"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "error: Vizora needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm." >&2
    echo "       Install one (e.g. apt-get install openjdk-21-jdk-headless or Temurin) and retry." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

# Maven runs on the selected JDK; newer JDKs warn about Maven's own use of sun.misc.Unsafe.
maven_opts() {
  local major
  major=$(jdk_major "$JAVA_HOME")
  if [[ "$major" -ge 24 ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
