" 绩效目标表 text exports: *.jixiao.txt, a file whose name contains 绩效目标, or any .txt whose first 10
" lines hold a title (…绩效目标…) or an annex line (附件5-1), as Word exports them.
" `set filetype` (not `setfiletype`): the generic *.txt rule has already chosen "text".
autocmd BufRead,BufNewFile *.jixiao.txt,*绩效目标* set filetype=jixiao
autocmd BufRead *.txt,*.TXT,*.Txt if &filetype !=# 'jixiao' && s:LooksLikeForm() | set filetype=jixiao | endif

function! s:LooksLikeForm() abort
  for l:line in getline(1, 10)
    if l:line =~# '绩效目标' || l:line =~# '^\s*附件\s*[0-9０-９]'
      return 1
    endif
  endfor
  return 0
endfunction
