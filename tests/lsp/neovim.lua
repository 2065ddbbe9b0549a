-- Neovim's own LSP client (0.7 and later, no plugin) against `codepub lsp`, for tests/lsp.rs:
-- opens a Japanese source, drops the 。 of one paragraph in the buffer (never saved), starts
-- the server, waits for its diagnostics and writes them, one per line, to $CODEPUB_OUT:
--   code <TAB> severity <TAB> line:column (0-based, column in bytes as Neovim keeps it) <TAB> message
-- Run as `nvim --headless --clean -n -c 'luafile tests/lsp/neovim.lua'`.

local function run()
  local bin, file, out = os.getenv('CODEPUB_BIN'), os.getenv('CODEPUB_FILE'), os.getenv('CODEPUB_OUT')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local full_stop = '私たちは、本機構専用のデータ保護ポリシーを遵守します。'
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line == full_stop then
      vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { '私たちは、本機構専用のデータ保護ポリシーを遵守します' })
    end
  end

  local client = vim.lsp.start_client({
    name = 'codepub',
    cmd = { bin, '--lang', 'en', 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':p:h:h:h'),
  })
  assert(client, 'the client did not start')
  vim.lsp.buf_attach_client(buf, client)

  local function errors()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.severity == vim.diagnostic.severity.ERROR then
        table.insert(found, d)
      end
    end
    return found
  end
  vim.wait(60000, function() return #errors() > 0 end, 50)

  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local message = d.message:gsub('\n', ' | ')
    table.insert(lines, string.format('%s\t%d\t%d:%d\t%s', d.code or '', d.severity, d.lnum, d.col, message))
  end
  local handle = assert(io.open(out, 'w'))
  handle:write(table.concat(lines, '\n') .. '\n')
  handle:close()

  vim.lsp.stop_client(client)
  vim.wait(10000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
end

local ok, err = pcall(run)
if not ok then
  local handle = io.open(os.getenv('CODEPUB_OUT') .. '.error', 'w')
  if handle then
    handle:write(tostring(err))
    handle:close()
  end
end
vim.cmd('qall!')
