-- Used by Scripts/test-editors when the installed Neovim is older than 0.10, so that jixiao.lua's filetype
-- rules are still tested: loads $JIXIAO_LUA with vim.filetype.add replaced by a recorder, opens each file of
-- $FILES (comma-separated) and applies the recorded patterns as vim.filetype.match does (anchored Lua
-- patterns, against the whole path when the pattern holds a "/", else the file name; highest priority first;
-- a function that returns nil falls through), and writes "NAME FILETYPE" ("none": no rule) lines to $OUT.
local rules = {}
vim.filetype = vim.filetype or {}
vim.filetype.add = function(spec)
  for pattern, rule in pairs(spec.pattern or {}) do
    table.insert(rules, { pattern = pattern, filetype = rule[1], priority = rule[2] and rule[2].priority or 0 })
  end
end
dofile(assert(os.getenv("JIXIAO_LUA"), "JIXIAO_LUA not set"))
table.sort(rules, function(a, b) return a.priority > b.priority end)

local report = {}
for name in assert(os.getenv("FILES"), "FILES not set"):gmatch("[^,]+") do
  vim.cmd("edit " .. vim.fn.fnameescape(name))
  local bufnr = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(bufnr)
  local tail = vim.fn.fnamemodify(path, ":t")
  local result = "none"
  for _, rule in ipairs(rules) do
    local subject = rule.pattern:find("/", 1, true) and path or tail
    if subject:match("^" .. rule.pattern .. "$") then
      local filetype = rule.filetype
      if type(filetype) == "function" then
        filetype = filetype(path, bufnr)
      end
      if filetype then
        result = filetype
        break
      end
    end
  end
  table.insert(report, name .. " " .. result)
end
local f = assert(io.open(assert(os.getenv("OUT"), "OUT not set"), "w"))
f:write(table.concat(report, "\n") .. "\n")
f:close()
vim.cmd("qa!")
