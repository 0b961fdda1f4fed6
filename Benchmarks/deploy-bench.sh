#!/usr/bin/env bash
# Deploy benchmark: time and requests for a first, a no-change and a small-update deploy of a
# generated site tree, to a folder and to S3 (moto on 127.0.0.1, checking signatures).
#
#   Benchmarks/deploy-bench.sh [PAPERS]        # default 10000 papers (about 10.5k files)
#   DAYBOOK=path/to/daybook SITE=path/to/site Benchmarks/deploy-bench.sh   # an existing built site
#
# Needs a release build: swift build -c release --product daybook
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
papers="${1:-10000}"
daybook="${DAYBOOK:-$root/.build/release/daybook}"
work="$(mktemp -d -t daybook-deploy-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

if [[ -n "${SITE:-}" ]]; then
    cp -r "$SITE" "$work/site"
    label="$SITE"
else
    python3 "$root/Benchmarks/make-site-tree.py" "$work/site" --papers "$papers"
    label="$papers papers"
fi
: > "$work/daybook.yml"
echo "site: $label, $(find "$work/site" -type f | wc -l) files, $(du -sb "$work/site" | cut -f1) bytes"

cat > "$work/run.sh" <<SCRIPT
set -euo pipefail
export AWS_ACCESS_KEY_ID="\$DAYBOOK_TEST_S3_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="\$DAYBOOK_TEST_S3_SECRET_ACCESS_KEY"
python3 -c "import boto3, os; boto3.client('s3', endpoint_url=os.environ['DAYBOOK_TEST_S3_ENDPOINT'], region_name='us-east-1').create_bucket(Bucket='daybook-bench')"
step() {
    local name="\$1"; shift
    local start end
    start=\$(date +%s.%N)
    local line
    line=\$("$daybook" deploy --site "$work/site" --config "$work/daybook.yml" "\$@" | tail -1)
    end=\$(date +%s.%N)
    printf '%-28s wall %6.2f s | %s\n' "\$name" "\$(echo "\$end - \$start" | bc)" "\${line#*: }"
}
for target in "$work/public" "s3://daybook-bench/site"; do
    kind=folder; [[ "\$target" == s3://* ]] && kind=s3
    args=("\$target"); [[ "\$kind" == s3 ]] && args+=(--endpoint "\$DAYBOOK_TEST_S3_ENDPOINT")
    step "\$kind: first deploy" "\${args[@]}"
    step "\$kind: no-change deploy" "\${args[@]}"
done
if [[ -z "${SITE:-}" ]]; then
    python3 "$root/Benchmarks/make-site-tree.py" "$work/site" --papers "$papers" --edit 10
    step "folder: 10 papers edited" "$work/public"
    step "s3: 10 papers edited" s3://daybook-bench/site --endpoint "\$DAYBOOK_TEST_S3_ENDPOINT"
fi
SCRIPT
"$root/scripts/with-moto.sh" bash "$work/run.sh"
