// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/BuiltInOpenVocabModels.h"

#include "app/models/BuiltInModels.h"
#include "app/models/BuiltInSlotModels.h"
#include "app/models/ModelCatalogue.h"

#include "engine/core/errors/Error.h"
#include "engine/openvocab/OpenVocabFiles.h"

#include "engine/openvocab/OpenVocabModel.h"

#include <QDir>
#include <QFileInfo>

namespace periscope::app {

QString builtInOpenVocabModelName()
{
    return QStringLiteral("openvocab-scenes-small");
}

QString resolveOpenVocabModel(const QString &nameOrPath, QString *error)
{
    return resolveBuiltInModel(QStringLiteral("open-vocabulary"), {builtInOpenVocabModelName()}, nameOrPath, error);
}

QString smallOpenVocabBackbone(const QString &weightsPath, QString *error)
{
    std::string named;
    try {
        named = openvocab::OpenVocabModel::smallModelBackbone(weightsPath.toStdString());
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return {};
    }
    const QString name = QString::fromStdString(named);
    if (name.isEmpty()) {
        *error = QStringLiteral("%1 is not a small dino.txt trained here (its metadata names no backbone)").arg(weightsPath);
        return {};
    }
    if (name == builtInSlotModelName())
        return resolveSlotModel(name, error);
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name == QLatin1String("..") || name == QLatin1String(".")) {
        *error = QStringLiteral("%1 names its backbone \"%2\": only a file name beside it is read").arg(weightsPath, name);
        return {};
    }
    const QString beside = QFileInfo(weightsPath).absoluteDir().filePath(name);
    if (!QFileInfo(beside).isFile()) {
        *error = QStringLiteral("%1 was trained on the Slots model %2, which is not beside it").arg(weightsPath, name);
        return {};
    }
    return beside;
}

QString releasedOpenVocabModelName()
{
    return QStringLiteral("dinotxt-vitl14-reg4");
}

namespace {
bool isSmallModelFile(const QString &path)
{
    return QFileInfo(path).isFile() && path.endsWith(QLatin1String(".safetensors"), Qt::CaseInsensitive) &&
           !openvocab::OpenVocabModel::smallModelBackbone(path.toStdString()).empty();
}

// The released model's four files from the catalogue; those set in `files` stay.
openvocab::OpenVocabFiles releasedFiles(openvocab::OpenVocabFiles files)
{
    const ModelCatalogue catalogue = ModelCatalogue::load();
    const std::pair<std::string *, const char *> roles[] = {{&files.backbone, "dinov2-vitl14-reg4"},
                                                            {&files.visionHead, "dinotxt-vitl14-reg4-vision-head"},
                                                            {&files.textEncoder, "dinotxt-vitl14-reg4-text-encoder"},
                                                            {&files.vocabulary, "clip-bpe-vocabulary"}};
    for (const auto &[file, name] : roles) {
        if (!file->empty())
            continue;
        QString error;
        const QString path = catalogue.resolve(QString::fromLatin1(name), &error);
        if (path.isEmpty())
            throw Error(error.toStdString());
        *file = path.toStdString();
    }
    return files;
}

bool complete(const openvocab::OpenVocabFiles &files)
{
    return !files.backbone.empty() && !files.visionHead.empty() && !files.textEncoder.empty() && !files.vocabulary.empty();
}
} // namespace

std::shared_ptr<openvocab::OpenVocabModel> loadOpenVocabModel(const QString &model, const openvocab::OpenVocabFiles &overrides,
                                                              const openvocab::OpenVocabLoadOptions &options, const JobControl &job)
{
    if (model == builtInOpenVocabModelName() || isSmallModelFile(model)) {
        QString error;
        const QString weights = resolveOpenVocabModel(model, &error);
        const QString backbone = weights.isEmpty() ? QString() : smallOpenVocabBackbone(weights, &error);
        if (backbone.isEmpty())
            throw Error(error.toStdString());
        return openvocab::OpenVocabModel::loadSmall(weights.toStdString(), backbone.toStdString(), options, job);
    }
    if (complete(overrides))
        return openvocab::OpenVocabModel::load(overrides, options, job);
    const QFileInfo info(model);
    if (info.isDir())
        return openvocab::OpenVocabModel::load(openvocab::findOpenVocabFiles(model.toStdString(), overrides), options, job);
    if (info.isFile()) { // one of the released files: the others are beside it
        openvocab::OpenVocabFiles files;
        try {
            files = openvocab::findOpenVocabFiles(info.absolutePath().toStdString(), overrides);
        } catch (const Error &) {
            if (!model.endsWith(QLatin1String(".safetensors"), Qt::CaseInsensitive))
                throw;
            throw Error(model.toStdString() + " is not a small dino.txt trained here (its metadata names no backbone), and no dino.txt "
                                              "files are beside it");
        }
        return openvocab::OpenVocabModel::load(files, options, job);
    }
    if (model != releasedOpenVocabModelName())
        throw Error(model.toStdString() + " is neither a folder with dino.txt's files, a small model's .safetensors, " +
                    builtInOpenVocabModelName().toStdString() + " nor " + releasedOpenVocabModelName().toStdString());
    return openvocab::OpenVocabModel::load(releasedFiles(overrides), options, job);
}

} // namespace periscope::app
