-- wrk script for scripts/bench-service.sh: POSTs the body of the file named by AIGOV_BODY as JSON, with
-- Accept-Encoding from AIGOV_ENCODING when set, and prints one machine-readable line at the end.
local f = assert(io.open(os.getenv("AIGOV_BODY"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local enc = os.getenv("AIGOV_ENCODING")
if enc and enc ~= "" then wrk.headers["Accept-Encoding"] = enc end

local bytes = 0
response = function(status, headers, body)
  bytes = bytes + #body
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect + e.read + e.write + e.status + e.timeout))
end
