-- Used by Scripts/test-editors: after the shipped config has opened a jixiao buffer, wait until
-- its diagnostics include every JIXIAO_EXPECT entry ("9:JX301,128:JX401", 0-based lines), then
-- write "filetype <ft>" and one "line code" row per diagnostic to $OUT, and quit (JIXIAO_CONFIG_EDIT: see
-- below).
local out = assert(os.getenv("OUT"), "OUT not set")
local wanted = {}
for line, code in (os.getenv("JIXIAO_EXPECT") or ""):gmatch("(%d+):(%w+)") do
  table.insert(wanted, { tonumber(line), code })
end
local buf = vim.api.nvim_get_current_buf()
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients -- 0.10 renamed it

local function all_present()
  local diags = vim.diagnostic.get(buf)
  for _, w in ipairs(wanted) do
    local found = false
    for _, d in ipairs(diags) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if d.lnum == w[1] and tostring(code) == w[2] then
        found = true
      end
    end
    if not found then
      return false
    end
  end
  return true
end

local wait_ms = tonumber(os.getenv("WAIT_MS") or "20000")
local ok = vim.wait(wait_ms, all_present, 100)
local report = { "filetype " .. vim.bo[buf].filetype, "clients " .. #get_clients({ bufnr = buf }) }
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(report, string.format("%d %s %s", d.lnum, tostring(code), (d.message or ""):gsub("\n", " ")))
end
table.insert(report, ok and "complete" or "TIMEOUT")

-- JIXIAO_CONFIG_EDIT: as a user would, open .jixiao.json beside the form, write a rule off, save it, go
-- back to the form, and require the first wanted finding to disappear (the server re-read the file).
if ok and os.getenv("JIXIAO_CONFIG_EDIT") then
  local line, code = wanted[1][1], wanted[1][2]
  vim.cmd("edit .jixiao.json")
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { '{ "rules": { "' .. code .. '": "off" } }' })
  vim.cmd("write")
  vim.cmd("buffer " .. buf)
  local gone = vim.wait(wait_ms, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local c = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if d.lnum == line and tostring(c) == code then
        return false
      end
    end
    return true
  end, 100)
  table.insert(report, gone and "reloaded" or "stale")
end

local f = assert(io.open(out, "w"))
f:write(table.concat(report, "\n") .. "\n")
f:close()
for _, client in ipairs(get_clients()) do
  client.stop()
end
vim.wait(2000, function() return #get_clients() == 0 end, 50)
vim.cmd("qa!")
