-- wrk script for `ledger serve`: GET /organizations/ORG/status at the head, each request for an
-- organization drawn at random from the file ORGS (one id per line), signed in with TOKEN.
--   wrk -t2 -c32 -d20s --latency -s tools/bench/status.lua http://127.0.0.1:8080 -- ORGS TOKEN [PATH]
-- PATH (default "status") may be "ui" for the organization's page.
local orgs = {}
local token, kind

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then orgs[#orgs + 1] = line end
  end
  token = args[2]
  kind = args[3] or "status"
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local org = orgs[math.random(#orgs)]
  local path = kind == "ui" and ("/ui/organizations/" .. org) or ("/organizations/" .. org .. "/status")
  local headers = {}
  if kind == "ui" then headers["Cookie"] = "ledger_session=" .. token else headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d), %.0f req/s, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
