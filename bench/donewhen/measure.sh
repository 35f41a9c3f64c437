#!/usr/bin/env bash
# Measures issue 11's Done-when with curl against a running server seeded
# with `entraide seed --synthetic --missions 4000 --volunteers 100000`:
# each route 20 times (login 20 times for each of the first, a middle and
# the last volunteer), p50 and p99 (the slowest of 20) in milliseconds.
#
#   BASE=http://127.0.0.1:8080 VOLUNTEERS=100000 bench/donewhen/measure.sh
#
# Run the server with ENTRAIDE_RATE_LIMIT=off: sixty logins from one
# address in a minute are otherwise refused, as they should be.
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:8080}
VOLUNTEERS=${VOLUNTEERS:-100000}
N=${N:-20}
PASSWORD=${PASSWORD:-entraide-demo-2026}

email() { printf 'v%07d@synthetic.entraide.invalid' "$1"; }

# stats NAME < times in seconds: prints NAME p50 p99 max in ms.
stats() {
	sort -n | awk -v name="$1" '{ t[NR] = $1 * 1000 } END {
		p50 = t[int((NR + 1) / 2)]; i99 = int(NR * 0.99 + 0.999); if (i99 > NR) i99 = NR
		printf "| %s | %d | %.1f | %.1f |\n", name, NR, p50, t[i99] }'
}

# timed METHOD PATH [TOKEN] [BODY] [cookie]: prints the time, fails on a non-2xx.
timed() {
	local method=$1 path=$2 token=${3:-} body=${4:-} cookie=${5:-}
	local args=(-s -o /dev/null -w '%{http_code} %{time_total}\n' -X "$method" -H 'Accept-Language: fr')
	if [[ -n $token && -n $cookie ]]; then args+=(-b "entraide_access=$token")
	elif [[ -n $token ]]; then args+=(-H "Authorization: Bearer $token"); fi
	if [[ -n $body ]]; then args+=(-H 'Content-Type: application/json' -d "$body"); fi
	local out code
	out=$(curl "${args[@]}" "$BASE$path")
	code=${out%% *}
	if [[ $code != 2* ]]; then echo "$method $path: HTTP $code" >&2; fi
	echo "${out#* }"
}

login() {
	curl -s -H 'Content-Type: application/json' -d "{\"email\":\"$(email "$1")\",\"password\":\"$PASSWORD\"}" \
		"$BASE/api/v1/auth/login" | jq -r .access_token
}

echo "| route | requests | p50 ms | p99 ms |"
echo "| --- | --- | --- | --- |"
for n in 1 $((VOLUNTEERS / 2)) "$VOLUNTEERS"; do
	for _ in $(seq "$N"); do
		timed POST /api/v1/auth/login "" "{\"email\":\"$(email "$n")\",\"password\":\"$PASSWORD\"}"
	done | stats "login $(email "$n")"
done
missions=$(curl -s "$BASE/api/v1/missions?per_page=50&sort=date" | jq -r '.items[].id')
mapfile -t mission_ids <<<"$missions"
for i in $(seq 0 $((N - 1))); do timed GET "/api/v1/missions/${mission_ids[$((i % ${#mission_ids[@]}))]}"; done | stats "mission (API)"
for i in $(seq 0 $((N - 1))); do timed GET "/missions/${mission_ids[$((i % ${#mission_ids[@]}))]}"; done | stats "mission (page)"

# Volunteers spread over the whole range, one fresh application each.
tokens=()
for i in $(seq 0 $((N - 1))); do tokens+=("$(login $((1 + i * (VOLUNTEERS - 1) / (N - 1))))"); done
# A different mission per run (OFFSET), so that a second run does not meet
# the first one's applications.
OFFSET=${OFFSET:-$RANDOM}
for i in $(seq 0 $((N - 1))); do
	m=${mission_ids[$(((i + OFFSET) % ${#mission_ids[@]}))]}
	shift_id=$(curl -s "$BASE/api/v1/missions/$m" | jq -r '.shifts[-1].id')
	timed POST "/api/v1/missions/$m/shifts/$shift_id/applications" "${tokens[$i]}" '{}'
done | stats "apply"
for t in "${tokens[@]}"; do timed GET /api/v1/me/applications "$t"; done | stats "my applications (API)"
for t in "${tokens[@]}"; do timed GET /me/applications "$t" "" cookie; done | stats "my applications (page)"
for t in "${tokens[@]}"; do timed GET /api/v1/me/notifications "$t"; done | stats "notifications"
# Last: the home page's first request counts the accounts (a scan of users on
# the embedded store, bounded to 2 s), and the recount then runs in the
# background, which slows whatever is measured next.
for _ in $(seq "$N"); do timed GET /; done | stats "home page"
