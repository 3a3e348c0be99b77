;;; eglot-diagnostics.el --- used by Scripts/test-editors  -*- lexical-binding: t; -*-
;; env: JIXIAO_INIT (the user's init: Documentation/EDITORS.md's snippet), FILE, OUT, WAIT_S,
;;      JIXIAO_EXPECT ("9:JX301,128:JX401", 0-based lines); `jixiao' is found on PATH.
;; Loads the init as printed (it loads jixiao.el), opens FILE (jixiao.el must pick jixiao-mode),
;; starts eglot with the contact jixiao.el registered (eglot-ensure waits for a command loop that
;; batch mode does not have), keeps the latest publishDiagnostics for FILE until it
;; holds every expected pair (or time runs out), writes "mode …" and one "line code" row per
;; diagnostic to OUT.
(package-initialize)
(require 'eglot)
(load (getenv "JIXIAO_INIT") nil t)
(defvar jixiao-test--diags nil)
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (when (string-suffix-p (file-name-nondirectory (getenv "FILE")) (url-unhex-string uri))
    (setq jixiao-test--diags (or diagnostics [])))
  nil)
(defun jixiao-test--complete-p ()
  "Whether the latest diagnostics hold every JIXIAO_EXPECT pair."
  (and jixiao-test--diags
       (seq-every-p
        (lambda (want)
          (let ((line (string-to-number (car (split-string want ":"))))
                (code (cadr (split-string want ":"))))
            (seq-some (lambda (d)
                        (and (equal (plist-get d :code) code)
                             (eql (plist-get (plist-get (plist-get d :range) :start) :line) line)))
                      jixiao-test--diags)))
        (split-string (or (getenv "JIXIAO_EXPECT") "") "," t))))
(find-file (getenv "FILE"))
(let ((lines (list (format "mode %s" major-mode))))
  (condition-case err
      (progn
        (apply #'eglot (eglot--guess-contact))
        (let ((deadline (+ (float-time) (string-to-number (or (getenv "WAIT_S") "20")))))
          (while (and (not (jixiao-test--complete-p)) (< (float-time) deadline))
            (accept-process-output nil 0.1))))
    (error (push (format "error %S" err) lines)))
  (if (null jixiao-test--diags)
      (push "TIMEOUT" lines)
    (seq-doseq (d jixiao-test--diags)
      (push (format "%s %s %s"
                    (plist-get (plist-get (plist-get d :range) :start) :line)
                    (plist-get d :code) (plist-get d :message))
            lines)))
  (with-temp-file (getenv "OUT")
    (insert (mapconcat #'identity (nreverse lines) "\n") "\n")))
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
