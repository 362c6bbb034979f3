-- wrk script for Scripts/load-test: GET /v1/groups/{id}/next over many groups in turn, so the
-- load is not one cached answer. Group ids come from the file named by WRK_IDS, one per line.
local ids = {}
for line in io.lines(os.getenv("WRK_IDS")) do ids[#ids + 1] = line end
local token = os.getenv("WRK_TOKEN")
local asOf = os.getenv("WRK_AS_OF")
local counter = 0

request = function()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  return wrk.format("GET", "/v1/groups/" .. id .. "/next?asOf=" .. asOf, { ["Authorization"] = "Bearer " .. token })
end
