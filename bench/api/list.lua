-- wrk script: GET /admin/systems (the first page, 50 systems, newest first) with the bearer token
-- from BENCH_TOKEN, counting answers by status.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
  statuses = {}
  wrk.path = os.getenv("BENCH_PATH") or "/admin/systems"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local by_status = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  for status, n in pairs(by_status) do
    io.write(string.format("STATUS %d %d\n", status, n))
  end
  local ok = by_status[200] or 0
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.2f ok_per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, seconds, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
