" Used by Scripts/test-editors (Vim 9, no LSP plugin needed): the shipped plugin and ftdetect are
" on 'runtimepath'; open $FILE, check the filetype, start the server that JixiaoServerInfo()
" describes over Vim's built-in LSP channel, send initialize/didOpen, keep the latest
" publishDiagnostics until it holds every $JIXIAO_EXPECT pair ("9:JX301,128:JX401", 0-based lines)
" or time runs out, and write "filetype …" and one "line code" row per diagnostic to $OUT.
let s:lines = []
let g:jixiao_test_diags = v:null
function! s:on_message(channel, msg) abort
  if type(a:msg) == v:t_dict && get(a:msg, 'method', '') ==# 'textDocument/publishDiagnostics'
    let g:jixiao_test_diags = a:msg.params
  endif
endfunction

function! s:complete() abort
  if g:jixiao_test_diags is v:null
    return v:false
  endif
  for l:want in split($JIXIAO_EXPECT, ',')
    let [l:line, l:code] = split(l:want, ':')
    if empty(filter(copy(g:jixiao_test_diags.diagnostics),
          \ {_, d -> d.range.start.line == str2nr(l:line) && get(d, 'code', '') ==# l:code}))
      return v:false
    endif
  endfor
  return v:true
endfunction

execute 'edit ' . fnameescape($FILE)
call add(s:lines, 'filetype ' . &filetype)
let s:info = JixiaoServerInfo()
let s:job = job_start(s:info.cmd, {'in_mode': 'lsp', 'out_mode': 'lsp', 'err_io': 'null',
      \ 'callback': function('s:on_message')})
let s:channel = job_getchannel(s:job)
let s:root = 'file://' . fnamemodify($FILE, ':p:h')
let s:uri = 'file://' . fnamemodify($FILE, ':p')
let s:response = ch_evalexpr(s:channel, {'method': 'initialize', 'params': {
      \ 'processId': getpid(), 'rootUri': s:root, 'capabilities': {},
      \ 'initializationOptions': s:info.initialization_options}}, {'timeout': 10000})
call ch_sendexpr(s:channel, {'method': 'initialized', 'params': {}})
call ch_sendexpr(s:channel, {'method': 'textDocument/didOpen', 'params': {'textDocument': {
      \ 'uri': s:uri, 'languageId': &filetype, 'version': 1,
      \ 'text': join(getline(1, '$'), "\n") . "\n"}}})
let s:waited = 0
while !s:complete() && s:waited < str2nr($WAIT_MS ?? '20000')
  sleep 50m
  let s:waited += 50
endwhile
if g:jixiao_test_diags is v:null
  call add(s:lines, 'TIMEOUT')
else
  for s:d in g:jixiao_test_diags.diagnostics
    call add(s:lines, printf('%d %s %s', s:d.range.start.line, get(s:d, 'code', ''), s:d.message))
  endfor
endif
call writefile(s:lines, $OUT)
call ch_evalexpr(s:channel, {'method': 'shutdown'}, {'timeout': 2000})
call ch_sendexpr(s:channel, {'method': 'exit'})
qa!
