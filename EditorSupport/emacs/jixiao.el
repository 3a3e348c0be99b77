;;; jixiao.el --- Major mode and eglot setup for 绩效目标表 (jixiao)  -*- lexical-binding: t; -*-

;; Keywords: languages, tools
;; Package-Requires: ((emacs "27.1"))

;;; Commentary:

;; `jixiao-mode' edits performance-target tables (项目支出绩效目标表) exported from Word as
;; plain text: a line that starts with TAB is a table cell, an empty line ends a row.
;; Files named *.jixiao.txt (.tsv, .md), or whose name contains 绩效目标, open in it, and so
;; does any .txt, .tsv or .md whose content is a form (`jixiao-form-content-p').
;;
;; Diagnostics and quick fixes come from the jixiao language server through eglot
;; (built into Emacs 29; `elpa-eglot' or `M-x package-install RET eglot' on Emacs 27/28):
;;
;;   (require 'jixiao)
;;   (add-hook 'jixiao-mode-hook #'eglot-ensure)

;;; Code:

(defgroup jixiao nil
  "Performance-target tables (绩效目标表) and the jixiao linter."
  :group 'languages
  :prefix "jixiao-")

(defcustom jixiao-server-command '("jixiao" "lsp")
  "Command line that starts the jixiao language server (stdio)."
  :type '(repeat string))

(defcustom jixiao-profile nil
  "Indicator profile; nil detects it per form.
Otherwise \"hunan-2021\", \"mof-2015\" or \"mof-2021\"."
  :type '(choice (const :tag "Detect per form" nil)
                 (const "hunan-2021") (const "mof-2015") (const "mof-2021")))

(defcustom jixiao-language "zh"
  "Language of the server's messages: \"zh\" or \"en\"."
  :type '(choice (const "zh") (const "en")))

(defconst jixiao--level1-labels
  '("产出指标" "效益指标" "效果指标" "满意度指标" "成本指标"))

(defconst jixiao--level2-labels
  '("数量指标" "质量指标" "时效指标" "经济效益指标" "社会效益指标" "生态效益指标" "环境效益指标"
    "可持续影响指标" "社会公众或服务对象满意度指标" "服务对象满意度指标"
    "经济成本指标" "社会成本指标" "生态环境成本指标"))

(defconst jixiao--header-labels
  '("项目支出名称" "预算部门" "年度本级预算金额" "该项目支出上级资金" "项目支出实施期"
    "实施期绩效目标" "本年度绩效目标" "一级指标" "二级指标" "三级指标" "指标值及单位" "绩效标准"
    "财政局审核意见" "业务股室意见" "预算股意见" "绩效管理股意见"))

(defconst jixiao-font-lock-keywords
  `(("^附件[0-9０-９-]+[ \t　]*$" . font-lock-function-name-face)
    ("^[^\t\n]*绩效目标表.*$" . font-lock-function-name-face)
    (,(concat "^\t[ 　]*" (regexp-opt jixiao--level1-labels) "[ \t　]*$") . font-lock-type-face)
    (,(concat "^\t[ 　]*" (regexp-opt jixiao--level2-labels) "[ \t　]*$") . font-lock-type-face)
    (,(concat "^\t[ 　]*" (regexp-opt jixiao--header-labels) "[ \t　]*$") . font-lock-keyword-face)
    ("\\(?:填报单位\\|单位\\|填表人\\|联系电话\\|填报日期\\|单位负责人签字\\)：" . font-lock-keyword-face)
    ("[（(]分级填报[）)]\\|××+\\|XX+\\|\\*\\*+" . font-lock-warning-face)
    ("\\[bookmark:[^]\n]*\\]\\|MERGEFORMAT\\|_GoBack\\|_Toc[0-9]+" . font-lock-warning-face)
    ("[0-9][0-9,]*\\(?:\\.[0-9]+\\)?\\(?:亿元\\|万元\\|元\\|万\\)" . font-lock-constant-face)
    ("[≥≤>＜<＞]?[0-9]+\\(?:\\.[0-9]+\\)?[%％]\\(?:以上\\|以下\\)?" . font-lock-constant-face)
    ("[0-9]\\{4\\}\\(?:年\\|\\.[0-9]\\{1,2\\}\\)" . font-lock-string-face))
  "Highlighting for `jixiao-mode' (a subset of Grammar/jixiao.tmLanguage.json).")

;;;###autoload
(define-derived-mode jixiao-mode text-mode "Jixiao"
  "Major mode for 绩效目标表 exported as text (TAB-led lines are table cells)."
  (setq-local indent-tabs-mode t)          ; a cell starts with a real TAB
  (setq-local show-trailing-whitespace t)  ; U+3000 at a cell's end is a finding (JX502)
  (setq-local font-lock-defaults '(jixiao-font-lock-keywords t)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.jixiao\\.\\(?:txt\\|tsv\\|md\\)\\'" . jixiao-mode))
;;;###autoload
(add-to-list 'auto-mode-alist '("绩效目标[^/]*\\'" . jixiao-mode))

;;;###autoload
(defun jixiao-form-content-p ()
  "Whether the buffer is a .txt, .tsv or .md file whose content is a form.
Text (.txt, .tsv): the first 10 lines hold a title (…绩效目标…) or an annex line
\(附件 and a number, 附件5-1), as Word exports a filing and as a table pasted from
Word or Excel starts.  Markdown (.md, .markdown): a line within the first 10 that,
after its # marks, is an annex line or a whole title (…绩效目标…表, then at most a
note in brackets), and a pipe-table row after it within 50 lines; a README.md that
mentions 绩效目标表 in a sentence is no form."
  (let ((name (and buffer-file-name (downcase buffer-file-name)))
        (case-fold-search nil))
    (save-excursion
      (save-restriction
        (widen)
        (goto-char (point-min))
        (cond
         ((null name) nil)
         ((string-match-p "\\.\\(?:txt\\|tsv\\)\\'" name)
          (re-search-forward "绩效目标\\|^[ \t　]*附件[ \t　]*[0-9０-９]" (line-end-position 10) t))
         ((string-match-p "\\.\\(?:md\\|markdown\\)\\'" name)
          (and (re-search-forward
                (concat "^[ \t]*#*[ \t　]*\\(?:附件[ \t　]*[0-9０-９]"
                        "\\|.*绩效目标.*表[ \t　]*\\(?:([^)\n]*)\\|（[^）\n]*）\\)?[ \t　]*$\\)")
                (line-end-position 10) t)
               (re-search-forward "^[ \t]*|" (line-end-position 50) t))))))))

;; magic-mode-alist is consulted before auto-mode-alist, so a form named linwu-2021.txt
;; opens in jixiao-mode rather than text-mode.
;;;###autoload
(add-to-list 'magic-mode-alist '(jixiao-form-content-p . jixiao-mode))

(defun jixiao--initialization-options (&rest _)
  "The LSP initializationOptions built from the jixiao customizations."
  (append (and jixiao-profile (list :profile jixiao-profile))
          (list :language jixiao-language)))

(defun jixiao-eglot-contact (&optional _interactive)
  "How eglot starts the jixiao server.
`jixiao-server-command' plus the initializationOptions."
  (append jixiao-server-command
          (list :initializationOptions #'jixiao--initialization-options)))

(defvar eglot-server-programs)
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(jixiao-mode . jixiao-eglot-contact)))

(provide 'jixiao)
;;; jixiao.el ends here
