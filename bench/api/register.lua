-- wrk script: POSTs a DISTINCT valid registration on every request, with the bearer token from
-- the BENCH_TOKEN environment variable, and counts the answers by status.
--   BENCH_TOKEN=... BENCH_RUN=abc wrk -t2 -c16 -d20s --latency -s register.lua http://host:port
-- Names: b<run>-<thread>-<n>, within the 39 characters the default prefix allows.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run = os.getenv("BENCH_RUN") or tostring(os.time())
  token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
  statuses = {}
  wrk.method = "POST"
  wrk.path = "/admin/systems"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

local body = [[{"system_name":"%s","description":"AI system for inventory optimization",]] ..
  [["data_sources":["inventory","orders","products"],]] ..
  [["endpoints":[{"path":"/inventory-optimizer/optimize","method":"POST"},]] ..
  [[{"path":"/inventory-optimizer/recommendations","method":"GET"}],]] ..
  [["lambda_config":{"memory":2048,"timeout":600,"runtime":"python3.11"}}]]

function request()
  counter = counter + 1
  local name = string.format("b%s-%d-%d", run, tid, counter)
  return wrk.format(nil, nil, nil, string.format(body, name))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local by_status = {}
  for _, t in ipairs(threads) do
    -- thread:get copies the table out of the thread's Lua state
    for status, n in pairs(t:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  local seconds = summary.duration / 1e6
  for status, n in pairs(by_status) do
    io.write(string.format("STATUS %d %d\n", status, n))
  end
  io.write(string.format("RESULT requests=%d seconds=%.2f ok_per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, seconds, (by_status[201] or 0) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
