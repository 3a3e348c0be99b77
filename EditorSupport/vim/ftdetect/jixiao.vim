" 绩效目标表 text exports: *.jixiao.txt, or any file whose name contains 绩效目标.
" `set filetype` (not `setfiletype`): the generic *.txt rule has already chosen "text".
autocmd BufRead,BufNewFile *.jixiao.txt,*绩效目标* set filetype=jixiao
