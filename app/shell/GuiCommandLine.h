// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace periscope::app {

// periscope [--workspace ID] [--open FILE]... [--project FILE] [--screenshot OUT.png]
//           [--lang CODE] [--device auto|cpu|cuda] [--demo DIR] [--window-size WxH] [FILE]...
struct GuiOptions {
    QString workspace;
    QStringList openFiles; // --open and positional files, in order
    QString project;
    QString screenshot;
    QString language;
    QString device;
    QString demoFolder; // --demo DIR: the headless demo's figures, then exit
    QSize windowSize;   // --window-size WxH; invalid: the default (or the remembered) size
};

struct GuiCommandLine {
    GuiOptions options;
    bool showHelp = false;
    bool showVersion = false;
    QString helpText;
    QString error;   // one line, for stderr; empty when the arguments are good
    int exitCode = 0; // 2 for a usage error, 1 for a missing or unusable file
};

// Checks everything that can be checked before Qt starts: option syntax, the device name,
// that every file exists and the screenshot can be written. Workspace ids and languages are
// checked once the application knows them.
GuiCommandLine parseGuiCommandLine(const QStringList &arguments);

} // namespace periscope::app
