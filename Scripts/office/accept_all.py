#!/usr/bin/python3
"""Opens a .docx in LibreOffice (headless, over UNO), accepts every tracked change, saves it as another .docx.

    /usr/bin/python3 accept_all.py INPUT.docx OUTPUT.docx PROFILE_DIR

Needs Debian's python3-uno (for the system Python). Prints how many changes there were before accepting.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    source, target, profile = (os.path.abspath(a) for a in sys.argv[1:4])
    pipe = "jixiao_office_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
                               "--norestore", "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(300):  # LibreOffice takes a few seconds to listen
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if office.poll() is not None:
                    sys.exit("soffice exited")
                time.sleep(0.1)
        if context is None:
            sys.exit("could not connect to soffice")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        # A fresh profile sometimes fails the first load: try a few times.
        document = None
        for _ in range(3):
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, ())
            if document is not None:
                break
            time.sleep(1)
        if document is None:
            sys.exit("LibreOffice could not open %s" % source)
        print("tracked changes before accepting:", count(document))
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        dispatcher.executeDispatch(document.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
        remaining = count(document)
        print("tracked changes after accepting:", remaining)
        document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "MS Word 2007 XML"),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        if remaining:
            sys.exit("changes left after accepting all")
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


def count(document):
    """Tracked changes of a text document (its redlines)."""
    enumeration = document.getRedlines().createEnumeration()
    total = 0
    while enumeration.hasMoreElements():
        enumeration.nextElement()
        total += 1
    return total


if __name__ == "__main__":
    main()
