-- Jixiao (绩效目标表 linter) for Neovim 0.10 and later: filetype detection + LSP client.
-- (Neovim 0.7 – 0.9: use jixiao-0.7.lua.)
--
-- Settings, all optional, read when a jixiao buffer opens:
--   vim.g.jixiao_cmd       server command, default { "jixiao", "lsp" }
--   vim.g.jixiao_profile   "hunan-2021" | "mof-2015" | "mof-2021" (default: detected per form)
--   vim.g.jixiao_language  "zh" | "en" message language (default "zh")

-- A form: *.jixiao.txt (.md, .tsv), a name containing 绩效目标, or a .txt, .tsv or .md whose content is a form
-- (looks_like_form).
local function is_annex(text)
  -- 附件 then an ASCII or a full-width digit (U+FF10–FF19: EF BC 90–99)
  return text:match("^%s*附件%s*%d") or text:match("^%s*附件%s*\239\188[\144-\153]")
end

-- A whole line naming the table: …绩效目标…表, then only blanks or a note in brackets (（2021年度）).
local function is_title(text)
  local rest = text:match("^.*绩效目标.*表(.*)$")
  if not rest then
    return false
  end
  rest = rest:gsub("\227\128\128", " ") -- U+3000
  return rest:match("^%s*$") or rest:match("^%s*%(.*%)%s*$") or rest:match("^%s*（.*）%s*$")
end

-- markdown: a heading or line within the first 10 that is an annex line or a title (`## 附件5-1`,
-- `# 2021年项目支出绩效目标表`), and a pipe-table row after it (within 50 lines): a README.md that mentions
-- 绩效目标表 in a sentence is no form. Otherwise (.txt, .tsv): a title (…绩效目标…) or an annex line (附件5-1)
-- in the first 10 lines, as Word exports them and as a table pasted from Word or Excel starts.
local function looks_like_form(bufnr, markdown)
  local heading = false
  for number, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, markdown and 50 or 10, false)) do
    if not markdown then
      if line:find("绩效目标", 1, true) or is_annex(line) then
        return true
      end
    elseif heading and line:match("^%s*|") then
      return true
    elseif number <= 10 then
      local text = line:gsub("^%s*#+%s*", "")
      heading = heading or is_annex(text) or is_title(text)
    end
  end
  return false
end

-- The filetype function of vim.filetype.add: jixiao for a form, nil (the file keeps its usual filetype) otherwise.
local function detect(markdown)
  return function(_, bufnr)
    if looks_like_form(bufnr, markdown) then
      return "jixiao"
    end
  end
end

vim.filetype.add({
  pattern = {
    -- non-negative priority: these win over the generic *.txt → text rule
    [".*%.jixiao%.txt"] = { "jixiao", { priority = 10 } },
    [".*%.jixiao%.tsv"] = { "jixiao", { priority = 10 } },
    [".*%.jixiao%.md"] = { "jixiao", { priority = 10 } },
    [".*绩效目标[^/]*"] = { "jixiao", { priority = 10 } },
    [".*%.[tT][xX][tT]"] = { detect(false), { priority = 5 } },
    [".*%.[tT][sS][vV]"] = { detect(false), { priority = 5 } },
    [".*%.[mM][dD]"] = { detect(true), { priority = 5 } },
    [".*%.markdown"] = { detect(true), { priority = 5 } },
  },
})

local function start(bufnr, config_file)
  if not config_file then
    vim.bo[bufnr].expandtab = false -- a cell starts with a real TAB
  end
  -- vim.lsp.start reuses a running client with the same name and root_dir
  vim.lsp.start({
    name = "jixiao",
    cmd = vim.g.jixiao_cmd or { "jixiao", "lsp" },
    root_dir = vim.fs.root(bufnr, { ".git" }) or vim.fn.getcwd(),
    init_options = {
      profile = vim.g.jixiao_profile,
      language = vim.g.jixiao_language or "zh",
    },
  }, { bufnr = bufnr })
end

vim.api.nvim_create_autocmd("FileType", {
  group = vim.api.nvim_create_augroup("jixiao_lsp", { clear = true }),
  pattern = "jixiao",
  callback = function(args)
    start(args.buf)
  end,
})

-- .jixiao.json buffers are attached too (they get no diagnostics), so that saving one tells the server
-- to read the configuration again (didSave; Neovim does not send file-watch events for it).
vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  group = vim.api.nvim_create_augroup("jixiao_config", { clear = true }),
  pattern = ".jixiao.json",
  callback = function(args)
    start(args.buf, true)
  end,
})

vim.api.nvim_create_user_command("JixiaoRestart", function()
  for _, client in ipairs(vim.lsp.get_clients({ name = "jixiao" })) do
    client.stop()
  end
  vim.defer_fn(function()
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == "jixiao" then
        start(bufnr)
      end
    end
  end, 500)
end, { desc = "Restart the jixiao language server" })
