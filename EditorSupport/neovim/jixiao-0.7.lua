-- Jixiao (绩效目标表 linter) for Neovim 0.7 – 0.9: filetype detection + LSP client.
-- Neovim 0.7 has no vim.lsp.start, so this starts one client with vim.lsp.start_client and attaches
-- every jixiao buffer to it. Use jixiao.lua instead on Neovim 0.10 and later.
--
-- Settings, all optional, read when the first jixiao buffer opens (set them before this file runs):
--   vim.g.jixiao_cmd       server command, default { "jixiao", "lsp" }
--   vim.g.jixiao_profile   "hunan-2021" | "mof-2015" | "mof-2021" (default: detected per form)
--   vim.g.jixiao_language  "zh" | "en" message language (default "zh")

vim.cmd [[autocmd BufRead,BufNewFile *.jixiao.txt,*.jixiao.tsv,*.jixiao.md,*绩效目标* setfiletype jixiao]]

-- Any other .txt, .tsv or .md is a form when its content is one (looks_like_form).
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

vim.api.nvim_create_autocmd("BufRead", {
  group = vim.api.nvim_create_augroup("jixiao_detect", { clear = true }),
  pattern = { "*.txt", "*.TXT", "*.Txt", "*.tsv", "*.TSV", "*.md", "*.MD", "*.markdown" },
  callback = function(args)
    -- set, not setfiletype: the generic *.txt (*.md) rule may already have chosen "text" ("markdown")
    local markdown = args.file:lower():match("%.md$") or args.file:lower():match("%.markdown$")
    if vim.bo[args.buf].filetype ~= "jixiao" and looks_like_form(args.buf, markdown ~= nil) then
      vim.bo[args.buf].filetype = "jixiao"
    end
  end,
})

local client_id = nil

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  local marker = vim.fn.finddir(".git", dir .. ";")
  if marker ~= "" then
    return vim.fn.fnamemodify(marker, ":p:h:h")
  end
  return dir
end

local function start_client(bufnr)
  if client_id and vim.lsp.get_client_by_id(client_id) then
    return client_id
  end
  client_id = vim.lsp.start_client({
    name = "jixiao",
    cmd = vim.g.jixiao_cmd or { "jixiao", "lsp" },
    root_dir = root_dir(bufnr),
    init_options = {
      profile = vim.g.jixiao_profile,
      language = vim.g.jixiao_language or "zh",
    },
  })
  return client_id
end

local function attach(bufnr)
  vim.bo[bufnr].expandtab = false -- a cell starts with a real TAB
  local id = start_client(bufnr)
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

local group = vim.api.nvim_create_augroup("jixiao_lsp", { clear = true })
vim.api.nvim_create_autocmd("FileType", {
  group = group,
  pattern = "jixiao",
  callback = function(args)
    attach(args.buf)
  end,
})

-- .jixiao.json buffers are attached too (they get no diagnostics), so that saving one tells the server to
-- read the configuration again: Neovim 0.7 sends didSave, but no file-watch events (didChangeWatchedFiles).
vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  group = group,
  pattern = ".jixiao.json",
  callback = function(args)
    local id = start_client(args.buf)
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})

vim.api.nvim_create_user_command("JixiaoRestart", function()
  if client_id then
    vim.lsp.stop_client(client_id)
    client_id = nil
  end
  vim.defer_fn(function()
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == "jixiao" then
        attach(bufnr)
      end
    end
  end, 500)
end, { desc = "Restart the jixiao language server" })
