" 绩效目标表 forms: *.jixiao.txt (.tsv, .md), a file whose name contains 绩效目标, or a .txt, .tsv or .md
" whose content is a form (s:LooksLikeForm).
" `set filetype` (not `setfiletype`): the generic *.txt (*.md) rule has already chosen "text" ("markdown").
autocmd BufRead,BufNewFile *.jixiao.txt,*.jixiao.tsv,*.jixiao.md,*绩效目标* set filetype=jixiao
autocmd BufRead *.txt,*.TXT,*.Txt,*.tsv,*.TSV if &filetype !=# 'jixiao' && s:LooksLikeForm(0) | set filetype=jixiao | endif
autocmd BufRead *.md,*.MD,*.markdown if &filetype !=# 'jixiao' && s:LooksLikeForm(1) | set filetype=jixiao | endif

" Text (.txt, .tsv): a title (…绩效目标…) or an annex line (附件5-1) in the first 10 lines, as Word exports
" them and as a table pasted from Word or Excel starts. Markdown: a line within the first 10 that, after its
" # marks, is an annex line or a whole title (…绩效目标…表, then at most a note in brackets), and a pipe-table
" row after it within 50 lines; a README.md that mentions 绩效目标表 in a sentence is no form.
function! s:LooksLikeForm(markdown) abort
  let l:heading = 0
  let l:number = 0
  for l:line in getline(1, a:markdown ? 50 : 10)
    let l:number += 1
    if !a:markdown
      if l:line =~# '绩效目标' || l:line =~# '^\s*附件\s*[0-9０-９]'
        return 1
      endif
    elseif l:heading && l:line =~# '^\s*|'
      return 1
    elseif l:number <= 10
      let l:text = substitute(l:line, '^\s*#\+\s*', '', '')
      if l:text =~# '^\s*附件\s*[0-9０-９]' || l:text =~# '绩效目标.*表[ \t　]*\%(([^)]*)\|（[^）]*）\)\=[ \t　]*$'
        let l:heading = 1
      endif
    endif
  endfor
  return 0
endfunction
