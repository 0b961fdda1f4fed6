#!/usr/bin/env bash
# Runs a command with a real S3-compatible server on 127.0.0.1: moto's standalone server,
# started so that it checks every request's Signature V4 after the IAM set-up calls.
#
#   scripts/with-moto.sh swift test --scratch-path .build-deploy --filter DaybookDeployTests
#
# Exports for the command:
#   DAYBOOK_TEST_S3_ENDPOINT           http://127.0.0.1:PORT
#   DAYBOOK_TEST_S3_REGION             us-east-1
#   DAYBOOK_TEST_S3_ACCESS_KEY_ID      an access key of an IAM user with an inline S3 policy
#   DAYBOOK_TEST_S3_SECRET_ACCESS_KEY  its secret
# The server is stopped when the command ends; the command's exit status is kept.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-python3}"

if ! command -v moto_server >/dev/null 2>&1 || ! "$python" -c 'import moto, boto3, flask' >/dev/null 2>&1; then
    echo "with-moto: installing test dependencies from requirements-test.txt" >&2
    "$python" -m pip install --quiet -r "$root/requirements-test.txt" >&2
fi

port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
# DAYBOOK_MOTO_LOG=path keeps the server's log (one line per request) for debugging.
log="${DAYBOOK_MOTO_LOG:-$(mktemp -t daybook-moto.XXXXXX.log)}"

# The first 3 actions (create user, put its policy, create its access key) run unauthenticated;
# every later request must carry a valid signature from that user's key.
INITIAL_NO_AUTH_ACTION_COUNT=3 moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
server=$!
stop() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    [[ -n "${DAYBOOK_MOTO_LOG:-}" ]] || rm -f "$log"
}
trap stop EXIT

endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    if "$python" -c "import urllib.request, sys; urllib.request.urlopen('$endpoint/moto-api/', timeout=1)" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "with-moto: moto_server did not start:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.1
done

keys="$("$python" - "$endpoint" <<'PY'
import json, sys
import boto3

endpoint = sys.argv[1]
iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="setup", aws_secret_access_key="setup")
iam.create_user(UserName="daybook-deploy")
iam.put_user_policy(UserName="daybook-deploy", PolicyName="daybook-s3", PolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}],
}))
key = iam.create_access_key(UserName="daybook-deploy")["AccessKey"]
print(key["AccessKeyId"], key["SecretAccessKey"])
PY
)"

export DAYBOOK_TEST_S3_ENDPOINT="$endpoint"
export DAYBOOK_TEST_S3_REGION="us-east-1"
export DAYBOOK_TEST_S3_ACCESS_KEY_ID="${keys%% *}"
export DAYBOOK_TEST_S3_SECRET_ACCESS_KEY="${keys#* }"

set +e
"$@"
status=$?
set -e
exit "$status"
