" Jixiao (绩效目标表 linter): registers the jixiao language server with vim-lsp
" (prabirshrestha/vim-lsp) and, on Vim 9, with yegappan/lsp, whichever is installed.
" Settings (set them in your vimrc, before plugins load):
"   g:jixiao_cmd       server command, default ['jixiao', 'lsp']
"   g:jixiao_profile   'hunan-2021' | 'mof-2015' | 'mof-2021' (default: detected per form)
"   g:jixiao_language  'zh' | 'en' message language (default 'zh')
if exists('g:loaded_jixiao')
  finish
endif
let g:loaded_jixiao = 1

" The server as vim-lsp's lsp#register_server() takes it.
function! JixiaoServerInfo() abort
  let l:options = {'language': get(g:, 'jixiao_language', 'zh')}
  if !empty(get(g:, 'jixiao_profile', ''))
    let l:options.profile = g:jixiao_profile
  endif
  return {
        \ 'name': 'jixiao',
        \ 'cmd': get(g:, 'jixiao_cmd', ['jixiao', 'lsp']),
        \ 'allowlist': ['jixiao'],
        \ 'initialization_options': l:options,
        \ }
endfunction

function! s:register_yegappan_lsp() abort
  if !exists('*LspAddServer')
    return
  endif
  let l:info = JixiaoServerInfo()
  call LspAddServer([{
        \ 'name': 'jixiao',
        \ 'filetype': ['jixiao'],
        \ 'path': l:info.cmd[0],
        \ 'args': l:info.cmd[1:],
        \ 'initializationOptions': l:info.initialization_options,
        \ }])
endfunction

augroup jixiao
  autocmd!
  autocmd User lsp_setup call lsp#register_server(JixiaoServerInfo())
  autocmd VimEnter * call s:register_yegappan_lsp()
  " a cell starts with a real TAB; show blanks that trail a cell (U+3000 included)
  autocmd FileType jixiao setlocal noexpandtab list listchars=tab:→\ ,trail:·,nbsp:␣
augroup END
