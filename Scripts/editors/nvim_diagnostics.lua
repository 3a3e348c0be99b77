-- Used by Scripts/test-editors: after the shipped config has opened a jixiao buffer, wait until
-- its diagnostics include every JIXIAO_EXPECT entry ("9:JX301,128:JX401", 0-based lines), then
-- write "filetype <ft>" and one "line code" row per diagnostic to $OUT, and quit.
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

local ok = vim.wait(tonumber(os.getenv("WAIT_MS") or "20000"), all_present, 100)
local f = assert(io.open(out, "w"))
f:write("filetype " .. vim.bo[buf].filetype .. "\n")
f:write("clients " .. #get_clients({ bufnr = buf }) .. "\n")
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  f:write(string.format("%d %s %s\n", d.lnum, tostring(code), (d.message or ""):gsub("\n", " ")))
end
f:write(ok and "complete\n" or "TIMEOUT\n")
f:close()
for _, client in ipairs(get_clients()) do
  client.stop()
end
vim.wait(2000, function() return #get_clients() == 0 end, 50)
vim.cmd("qa!")
