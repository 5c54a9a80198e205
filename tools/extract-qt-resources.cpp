// SPDX-License-Identifier: GPL-3.0-or-later
// Copies the photos (JPEG, PNG, WebP) out of compiled Qt resource files (.rcc), keeping their
// paths: GCompris ships its activities' photos that way. Used by tools/train-colorize-model.sh,
// which compiles it with the Qt the project builds against:
//   g++ -std=c++17 -fPIC extract-qt-resources.cpp $(pkg-config --cflags --libs Qt6Core)
// Usage: extract-qt-resources OUT_DIR FILE.rcc...   (OUT_DIR/<rcc name>/<path in the resource>)
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QResource>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: extract-qt-resources OUT_DIR FILE.rcc...\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    int copied = 0;
    for (int i = 2; i < argc; ++i) {
        const QString rcc = QString::fromLocal8Bit(argv[i]);
        const QString root = QStringLiteral("/rcc%1").arg(i); // each file under its own root
        if (!QResource::registerResource(rcc, root)) {
            std::fprintf(stderr, "extract-qt-resources: %s is not a Qt resource file\n", argv[i]);
            return 1;
        }
        QDirIterator it(QLatin1Char(':') + root, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString suffix = it.fileInfo().suffix().toLower();
            if (!it.fileInfo().isFile() || !(suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg") ||
                                             suffix == QLatin1String("png") || suffix == QLatin1String("webp")))
                continue;
            // The resource path is the package's, never absolute or with "..": it stays under OUT_DIR.
            const QString relative = QDir::cleanPath(path.mid(root.size() + 2));
            if (relative.startsWith(QLatin1String("..")))
                continue;
            const QString target = QDir(out).filePath(QFileInfo(rcc).completeBaseName() + QLatin1Char('/') + relative);
            QDir().mkpath(QFileInfo(target).path());
            QFile::remove(target);
            if (QFile::copy(path, target))
                ++copied;
        }
        QResource::unregisterResource(rcc, root);
    }
    std::printf("%d photos extracted\n", copied);
    return 0;
}
