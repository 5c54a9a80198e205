// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/slots/SlotsEmbeddingView.h"

#include "app/workspaces/slots/SlotsModel.h"
#include "engine/scenes/Scene.h"
#include "widgets/plotview/PlotView.h"
#include "widgets/vtkview/VtkView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <vtkActor.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>

#include <map>

namespace periscope::app {

namespace {

constexpr int kMaxVolumePoints = 3000; // one actor each: enough for a few hundred scenes

QColor categoryColor(const QString &category, int order)
{
    for (const auto &[name, rgb] : scenes::clevrColors())
        if (category == QString::fromStdString(name))
            return QColor(rgb[0], rgb[1], rgb[2]);
    if (category.isEmpty())
        return QColor(170, 170, 170);
    static const QColor palette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40)};
    return palette[order % 4];
}

} // namespace

SlotsEmbeddingView::SlotsEmbeddingView(SlotsModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_colourBy = new QComboBox;
    m_colourBy->setObjectName(QStringLiteral("colourBy"));
    m_colourBy->addItem(tr("Colour by the matched object's colour"), QStringLiteral("color"));
    m_colourBy->addItem(tr("… its shape"), QStringLiteral("shape"));
    m_colourBy->addItem(tr("… its material"), QStringLiteral("material"));
    m_colourBy->addItem(tr("… its size"), QStringLiteral("size"));
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("embeddingNote"));
    m_note->setWordWrap(true);
    m_plane = new widgets::PlotView;
    m_plane->setObjectName(QStringLiteral("embeddingPlane"));
    // The OpenGL view is made when this page is first shown: the offscreen platform (headless
    // screenshots, tests) cannot host a QOpenGLWidget at all (DESIGN.md).
    m_volumeHolder = new QWidget;
    m_volumeHolder->setMinimumSize(300, 300);
    m_volumeNote = new QLabel(tr("The 3-D scatter of the first three components appears here."));
    m_volumeNote->setWordWrap(true);
    auto *holderLayout = new QVBoxLayout(m_volumeHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addWidget(m_volumeNote);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_plane);
    split->addWidget(m_volumeHolder);
    auto *top = new QHBoxLayout;
    top->addWidget(m_colourBy);
    top->addWidget(m_note, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_colourBy, &QComboBox::currentIndexChanged, this, &SlotsEmbeddingView::rebuild);
    connect(m_model, &SlotsModel::embeddingReady, this, &SlotsEmbeddingView::rebuild);
    connect(m_plane->plot(), &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable *plottable, int dataIndex, QMouseEvent *) {
        for (int series = 0; series < m_plane->plot()->graphCount(); ++series)
            if (m_plane->plot()->graph(series) == plottable) {
                const QPair<int, int> p = pointAt(series, dataIndex);
                if (p.first >= 0)
                    Q_EMIT sceneRequested(p.first, p.second);
            }
    });
}

void SlotsEmbeddingView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_volume)
        return;
    if (!widgets::VtkView::isAvailable()) {
        m_volumeNote->setText(widgets::VtkView::unavailableNote());
        return;
    }
    m_volume = new widgets::VtkView;
    m_volume->setObjectName(QStringLiteral("embeddingVolume"));
    m_volumeHolder->layout()->addWidget(m_volume);
    m_volumeNote->hide();
    connect(m_volume, &widgets::VtkView::propPicked, this, [this](vtkProp *prop) {
        const auto it = m_actorPoints.constFind(prop);
        if (it == m_actorPoints.cend())
            return;
        const SlotsEmbedding::Point &p = m_model->embedding().points[*it];
        Q_EMIT sceneRequested(p.scene, p.slot);
    });
    rebuildVolume();
}

void SlotsEmbeddingView::rebuildVolume()
{
    if (!m_volume)
        return;
    vtkRenderer *renderer = m_volume->renderer();
    for (auto it = m_actorPoints.cbegin(); it != m_actorPoints.cend(); ++it)
        renderer->RemoveActor(static_cast<vtkActor *>(it.key()));
    m_actorPoints.clear();
    const SlotsEmbedding &e = m_model->embedding();
    if (e.points.isEmpty() || e.volume.rows != e.points.size()) {
        m_volume->update();
        return;
    }
    vtkNew<vtkSphereSource> sphere;
    float extent = 0.0f;
    for (float v : e.volume.coordinates)
        extent = std::max(extent, std::abs(v));
    sphere->SetRadius(std::max(1e-3, extent * 0.012));
    sphere->SetThetaResolution(8);
    sphere->SetPhiResolution(6);
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(sphere->GetOutputPort());
    int order = 0;
    std::map<QString, QList<int>> groups;
    for (int i = 0; i < e.points.size(); ++i)
        groups[categoryOf(e.points[i].scene, e.points[i].object)] << i;
    std::map<QString, QColor> colours;
    for (const auto &[category, indices] : groups)
        colours[category] = categoryColor(category, order++);
    for (int i = 0; i < std::min<int>(int(e.points.size()), kMaxVolumePoints); ++i) {
        vtkNew<vtkActor> actor;
        actor->SetMapper(mapper);
        const float *c = e.volume.coordinates.data() + std::size_t(i) * 3;
        actor->SetPosition(c[0], c[1], c[2]);
        const QColor colour = colours[categoryOf(e.points[i].scene, e.points[i].object)];
        actor->GetProperty()->SetColor(colour.redF(), colour.greenF(), colour.blueF());
        renderer->AddActor(actor);
        m_actorPoints.insert(actor.Get(), i);
    }
    m_volume->resetCamera();
    m_volume->update();
}

QString SlotsEmbeddingView::categoryOf(int scene, int object) const
{
    if (object <= 0 || scene < 0 || scene >= m_model->scenes().size())
        return {};
    const auto &objects = m_model->scenes()[scene].entry.objects;
    if (object > int(objects.size()))
        return {};
    const scenes::SceneObjectAttributes &o = objects[std::size_t(object - 1)];
    const QString by = m_colourBy->currentData().toString();
    return QString::fromStdString(by == QLatin1String("shape") ? o.shape : by == QLatin1String("material") ? o.material
                                                                     : by == QLatin1String("size")       ? o.size
                                                                                                         : o.color);
}

QPair<int, int> SlotsEmbeddingView::pointAt(int series, int index) const
{
    if (series < 0 || series >= m_seriesPoints.size() || index < 0 || index >= m_seriesPoints[series].size())
        return {-1, -1};
    const SlotsEmbedding::Point &p = m_model->embedding().points[m_seriesPoints[series][index]];
    return {p.scene, p.slot};
}

void SlotsEmbeddingView::rebuild()
{
    const SlotsEmbedding &e = m_model->embedding();
    m_plane->clear();
    m_seriesPoints.clear();
    if (e.points.isEmpty() || e.plane.rows != e.points.size()) {
        m_note->setText(tr("Run a model on scenes to see their slot embeddings here."));
        rebuildVolume();
        return;
    }
    m_note->setText(tr("%n slot(s); the first two components explain %1% and %2% of the variance, the third %3%", nullptr, int(e.points.size()))
                        .arg(e.plane.explainedVariance[0] * 100.0, 0, 'f', 1)
                        .arg(e.plane.explainedVariance[1] * 100.0, 0, 'f', 1)
                        .arg(e.volume.explainedVariance.size() > 2 ? e.volume.explainedVariance[2] * 100.0 : 0.0, 0, 'f', 1) +
                    (e.probed ? tr(". Linear VQA probe (96 questions, %1 test scenes): mean AP %2 (chance %3), ROC AUC %4")
                                    .arg(e.probe.testScenes)
                                    .arg(e.probe.meanAveragePrecision, 0, 'f', 3)
                                    .arg(e.probe.chanceAveragePrecision, 0, 'f', 3)
                                    .arg(e.probe.meanRocAuc, 0, 'f', 3)
                              : QString()));
    std::map<QString, QList<int>> groups;
    for (int i = 0; i < e.points.size(); ++i)
        groups[categoryOf(e.points[i].scene, e.points[i].object)] << i;
    int order = 0;
    for (const auto &[category, indices] : groups) {
        QVector<double> x, y;
        for (int i : indices) {
            x << e.plane.coordinates[std::size_t(i) * 2];
            y << e.plane.coordinates[std::size_t(i) * 2 + 1];
        }
        m_plane->addScatter(category.isEmpty() ? tr("unmatched") : category, x, y, categoryColor(category, order++));
        m_seriesPoints << indices;
    }
    m_plane->setLabels(tr("PC 1"), tr("PC 2"), tr("Slot embeddings"));

    rebuildVolume();
}

} // namespace periscope::app
