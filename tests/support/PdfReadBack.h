// SPDX-License-Identifier: GPL-3.0-or-later
// A PDF read back as a reader shows it, with poppler's tools (poppler-utils, which
// scripts/install-deps.sh installs): its page size, its text, its page as a picture. A test that
// checks an exported PDF checks what a person would see, not only the "%PDF" header.
#pragma once

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSizeF>
#include <QStandardPaths>
#include <QString>

namespace periscope::test {

class PdfReadBack {
public:
    // Whether poppler's tools are here; else a test says why it skips.
    static bool isAvailable()
    {
        for (const char *tool : {"pdftoppm", "pdftotext", "pdfinfo"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                return false;
        return true;
    }
    static constexpr const char *kMissing = "needs poppler-utils (pdftoppm, pdftotext, pdfinfo) to read the PDF back";

    // The first page's size in points (1/72 inch); invalid when it cannot be read.
    static QSizeF pageSize(const QString &pdf)
    {
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(QString::fromUtf8(run("pdfinfo", {pdf})));
        return m.hasMatch() ? QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()) : QSizeF();
    }

    // The text a reader can search and copy.
    static QString text(const QString &pdf) { return QString::fromUtf8(run("pdftotext", {pdf, QStringLiteral("-")})); }

    // The first page drawn at `dpi`, written beside the PDF; null on failure.
    static QImage page(const QString &pdf, int dpi)
    {
        const QString stem = pdf + QStringLiteral("-page");
        run("pdftoppm", {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf, stem});
        return QImage(stem + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
    }

private:
    static QByteArray run(const char *tool, const QStringList &arguments)
    {
        QProcess process;
        process.start(QStandardPaths::findExecutable(QLatin1String(tool)), arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return {};
        return process.readAllStandardOutput();
    }
};

} // namespace periscope::test
