// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace periscope::app {

// The user's preferences, stored with QSettings. Plain values: read with load(), change,
// store with save(). Defaults put models and datasets under the XDG data folder.
struct Preferences {
    QString device = QStringLiteral("auto");       // auto | cpu | cuda
    int cpuThreads = 0;                            // 0: one per hardware thread
    // The largest image opened, in megapixels, checked from the file's header before decoding
    // (179: where Pillow stops, as a decompression-bomb guard).
    int maxImageMegapixels = kDefaultMaxImageMegapixels;
    static constexpr int kDefaultMaxImageMegapixels = 179;
    static constexpr int kLargestMaxImageMegapixels = 4000;
    QString precision = QStringLiteral("auto");    // auto | fp32 | bf16
    QString colormap = QStringLiteral("viridis");
    QString language;                              // empty: the system's
    QString modelsFolder;
    QString datasetsFolder;
    int autosaveMinutes = 3;                       // 0 turns autosave off
    // The DeepFake workspace's explanations on disk (per video, detector and method), in MB; the
    // ones used longest ago are removed past it. 0: no limit.
    int explanationCacheMegabytes = 2048;
    static constexpr int kLargestExplanationCacheMegabytes = 1024 * 1024;

    static Preferences load();
    void save() const;

    static QString defaultModelsFolder();
    static QString defaultDatasetsFolder();
    static QStringList devices() { return {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")}; }
    static QStringList precisions() { return {QStringLiteral("auto"), QStringLiteral("fp32"), QStringLiteral("bf16")}; }
    static QStringList colormaps();
    static QStringList languages(); // "en", "sv", "it"
};

} // namespace periscope::app
