# S3-compatible object store: S3Proxy with its filesystem backend (MinIO's server is not in
# the registries these machines reach; compose/ uses real MinIO). Requests are signed (v4).

s3_ports()    { echo "$S3_PORT"; }
s3_packages() { command -v curl >/dev/null || echo curl; }
s3_log()      { echo "$STATE/s3/s3proxy.log"; }
s3_endpoint() { echo "http://127.0.0.1:$S3_PORT/$S3_BUCKET"; }
s3_timeout()  { echo 60; }
s3_stop_signal() { echo TERM; }
s3_owns()     { cmdline_has "$1" "$STATE/s3/s3proxy.conf"; }

s3_install() { fetch_tools s3proxy; }

s3_start() {
  local dir="$STATE/s3"
  mkdir -p "$dir/blobs"
  ( umask 077
    cat > "$dir/s3proxy.conf" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
# browsers put large uploads here by presigned URL, from the console's origin: the signature, not
# the origin, authorises a write (ADR 0019)
s3proxy.cors-allow-all=true
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/blobs
PROPS
  )
  local jar; jar=$(ls "$TOOLS_DIR"/s3proxy/s3proxy-*.jar | head -n1)
  spawn s3 "$(s3_log)" "$JAVA_HOME/bin/java" -Xmx256m -jar "$jar" --properties "$dir/s3proxy.conf"
}

EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

s3_curl() { # signed (v4) S3 request without a body: $1 method, $2 path; prints the HTTP status
  local method=(-X "$1")
  [[ "$1" == HEAD ]] && method=(--head)
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${method[@]}" -H "x-amz-content-sha256: $EMPTY_SHA256" \
    --aws-sigv4 "aws:amz:us-east-1:s3" -u "$S3_ACCESS_KEY:$S3_SECRET_KEY" "http://127.0.0.1:$S3_PORT$2"
}

s3_probe() { [[ $(s3_curl GET / 2>/dev/null) == 200 ]]; }

s3_ready() {
  [[ $(s3_curl HEAD "/$S3_BUCKET") == 200 ]] && return 0
  [[ $(s3_curl PUT "/$S3_BUCKET") == 200 ]] || { echo "could not create bucket $S3_BUCKET" >&2; return 1; }
}
