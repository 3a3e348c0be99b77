-- Jixiao (绩效目标表 linter) for Neovim 0.10 and later: filetype detection + LSP client.
-- (Neovim 0.7 – 0.9: use jixiao-0.7.lua.)
--
-- Settings, all optional, read when a jixiao buffer opens:
--   vim.g.jixiao_cmd       server command, default { "jixiao", "lsp" }
--   vim.g.jixiao_profile   "hunan-2021" | "mof-2015" | "mof-2021" (default: detected per form)
--   vim.g.jixiao_language  "zh" | "en" message language (default "zh")

-- A form: *.jixiao.txt, a name containing 绩效目标, or any .txt whose first 10 lines hold a title
-- (…绩效目标…) or an annex line (附件5-1), as Word exports them.
local function looks_like_form(bufnr)
  for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, 10, false)) do
    -- 附件 then an ASCII or a full-width digit (U+FF10–FF19: EF BC 90–99)
    if line:find("绩效目标", 1, true) or line:match("^%s*附件%s*%d") or line:match("^%s*附件%s*\239\188[\144-\153]") then
      return true
    end
  end
  return false
end

vim.filetype.add({
  pattern = {
    -- non-negative priority: these win over the generic *.txt → text rule
    [".*%.jixiao%.txt"] = { "jixiao", { priority = 10 } },
    [".*绩效目标[^/]*"] = { "jixiao", { priority = 10 } },
    [".*%.[tT][xX][tT]"] = {
      function(_, bufnr)
        if looks_like_form(bufnr) then
          return "jixiao"
        end
      end,
      { priority = 5 },
    },
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
