// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/graphs/GraphsView.h"

#include "app/shell/ModelChoice.h"

#include "app/models/BuiltInGraphModels.h"
#include "app/workspaces/graphs/GraphTrainingPanel.h"
#include "app/workspaces/graphs/GraphsModel.h"
#include "app/workspaces/graphs/GraphCanvas.h"
#include "widgets/layout/PanelTabs.h"
#include "widgets/plotview/PlotView.h"
#include "widgets/vtkview/VtkView.h"
#include "widgets/layout/FlowLayout.h"
#include "widgets/layout/ScrollablePage.h"

#include <QComboBox>
#include <QJsonArray>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <vtkActor.h>
#include <vtkLineSource.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>

#include <algorithm>
#include <cmath>

namespace periscope::app {

namespace {
QLabel *smallLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setContentsMargins(6, 0, 2, 0);
    return label;
}

int nodeFromTarget(const QString &target)
{
    return target.startsWith(QLatin1String("node:")) ? target.mid(5).toInt() : -1;
}
} // namespace

GraphsView::GraphsView(GraphsModel *model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(makeInputBar());

    auto *methods = new GraphCanvasGrid;
    methods->setObjectName(QStringLiteral("graphCanvasGrid"));
    methods->setMinimumSize(340, 300);
    for (int i = 0; i < GraphsModel::methods().size(); ++i) {
        auto *canvas = new GraphCanvas;
        canvas->setObjectName(QStringLiteral("graphCanvas_") + GraphsModel::methods()[i]);
        methods->addCanvas(canvas);
        connect(canvas, &GraphCanvas::nodeClicked, this, &GraphsView::onNodeClicked);
        m_canvases.append(canvas);
    }

    m_moleculeList = new QListWidget;
    connect(m_moleculeList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_model->input().moleculeIndex)
            step(tr("Show molecule %1").arg(row + 1), [this, row] { m_model->selectMolecule(row); });
    });

    // A CSV's columns: which holds the SMILES, which the measured target (for training).
    m_smilesColumn = new QComboBox;
    m_smilesColumn->setObjectName(QStringLiteral("smilesColumn"));
    m_targetColumn = new QComboBox;
    m_targetColumn->setObjectName(QStringLiteral("targetColumn"));
    auto *columns = new QWidget;
    auto *columnsForm = new QFormLayout(columns);
    columnsForm->setContentsMargins(0, 0, 0, 0);
    columnsForm->addRow(tr("SMILES column"), m_smilesColumn);
    columnsForm->addRow(tr("Target column"), m_targetColumn);
    columns->setVisible(false);
    auto rereadCsv = [this] {
        const QString smiles = m_smilesColumn->currentText();
        const QString target = m_targetColumn->currentIndex() > 0 ? m_targetColumn->currentText() : QString();
        if (smiles == m_model->smilesColumn() && target == m_model->targetColumn())
            return;
        const QString file = m_model->input().moleculeFile;
        step(target.isEmpty() ? tr("Read SMILES from column %1").arg(smiles) : tr("Read SMILES from %1 and targets from %2").arg(smiles, target),
             [this, file, smiles, target] { m_model->openMoleculeFile(file, smiles, target); },
             QJsonObject{{QStringLiteral("smiles_column"), smiles}, {QStringLiteral("target_column"), target}, {QStringLiteral("index"), 0}});
    };
    connect(m_smilesColumn, &QComboBox::activated, this, rereadCsv);
    connect(m_targetColumn, &QComboBox::activated, this, rereadCsv);
    m_moleculePanel = new QWidget;
    auto *moleculeLayout = new QVBoxLayout(m_moleculePanel);
    moleculeLayout->setContentsMargins(0, 0, 0, 0);
    moleculeLayout->addWidget(columns);
    moleculeLayout->addWidget(m_moleculeList, 1);
    m_moleculePanel->setMaximumWidth(280);
    m_moleculePanel->setVisible(false);
    m_moleculeList->setVisible(true);
    m_columnsPanel = columns;

    auto *top = new QSplitter(Qt::Horizontal);
    top->setObjectName(QStringLiteral("mainView")); // Workspace::mainView()
    top->addWidget(m_moleculePanel);
    top->addWidget(methods);
    top->setStretchFactor(1, 1);

    // Folded to its tab bar on a short screen: the graphs get the height (#23); a click on a tab
    // opens it.
    auto *panel = new widgets::PanelTabs;
    panel->setObjectName(QStringLiteral("detailTabs"));
    panel->startFoldedBelow(900);
    m_tabs = panel;
    auto *details = new QWidget;
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto *detailBar = new QHBoxLayout;
    m_detailMethod = new QComboBox;
    for (const QString &method : GraphsModel::methods())
        m_detailMethod->addItem(MethodExplanation::title(method), method);
    m_detailMethod->setCurrentIndex(2); // LRP
    connect(m_detailMethod, &QComboBox::currentIndexChanged, this, [this] {
        refreshDetails();
        refresh3d();
    });
    m_prediction = new QLabel;
    m_prediction->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailBar->addWidget(new QLabel(tr("Details for")));
    detailBar->addWidget(m_detailMethod);
    detailBar->addWidget(m_prediction, 1);
    detailsLayout->addLayout(detailBar);
    m_bars = new widgets::PlotView;
    m_heatmap = new widgets::PlotView;
    for (widgets::PlotView *plot : {m_bars, m_heatmap})
        plot->setMinimumHeight(150); // below, the tab scrolls: never a 50 px chart
    auto *plots = new QSplitter(Qt::Horizontal);
    plots->addWidget(m_bars);
    plots->addWidget(m_heatmap);
    detailsLayout->addWidget(plots, 1);
    m_tabs->addTab(widgets::scrollable(details), tr("Relevance per node and feature"));

    // Deletion curves: remove edges (or nodes) by decreasing relevance and watch the explained
    // output; the faster it moves, the more faithful the ranking.
    auto *deletion = new QSplitter(Qt::Horizontal);
    m_edgeDeletion = new widgets::PlotView;
    m_nodeDeletion = new widgets::PlotView;
    deletion->addWidget(m_edgeDeletion);
    deletion->addWidget(m_nodeDeletion);
    m_tabs->addTab(widgets::scrollable(deletion), tr("Deletion curves"));

    auto *view3d = new QWidget;
    auto *view3dLayout = new QVBoxLayout(view3d);
    view3dLayout->setContentsMargins(0, 0, 0, 0);
    m_view3dNote = new QLabel(tr("Open a molecule to see it in 3-D (RDKit ETKDG embedding, MMFF94 optimisation)."));
    m_view3dNote->setObjectName(QStringLiteral("view3dNote"));
    m_view3dNote->setWordWrap(true);
    view3dLayout->addWidget(m_view3dNote);
    view3dLayout->addStretch(1);
    const int tab3d = m_tabs->addTab(view3d, tr("3-D"));
    // The OpenGL view is made when its tab is first shown: the offscreen platform (headless
    // screenshots) cannot host a QOpenGLWidget at all (DESIGN.md).
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, view3dLayout, tab3d](int index) {
        if (index != tab3d || m_view3d)
            return;
        if (!widgets::VtkView::isAvailable()) {
            m_view3dNote->setText(widgets::VtkView::unavailableNote());
            return;
        }
        m_view3d = new widgets::VtkView;
        view3dLayout->insertWidget(1, m_view3d, 1);
        view3dLayout->setStretch(2, 0);
        refresh3d();
    });
    m_tabs->addTab(widgets::scrollable(new GraphTrainingPanel(m_model)), tr("Train"));

    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(top);
    vertical->addWidget(m_tabs);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    vertical->setSizes({640, 260}); // the graphs first: about 70 % of the height
    layout->addWidget(vertical, 1);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("graphsStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_model, &GraphsModel::explanationsChanged, this, [this] {
        m_selectedNode = nodeFromTarget(m_model->target());
        m_status->setText(statusText());
        refresh();
        refresh3d(); // empty until the new molecule's conformer is ready
        if (m_model->explanations().molecule)
            m_model->embed3d();
    });
    connect(m_model, &GraphsModel::busyChanged, this, [this](bool busy) {
        if (busy)
            m_status->setText(tr("Explaining with SA, GBP, LRP and IG..."));
    });
    connect(m_model, &GraphsModel::failed, this, [this](const QString &message) {
        if (!m_openFailure)
            m_status->setText(tr("<b>Could not explain:</b> %1").arg(message.toHtmlEscaped()));
        m_openFailure = false;
    });
    connect(m_model, &GraphsModel::openFailed, this, [this](const QString &fileName, const QString &reason) {
        m_openFailure = true; // the failed() that follows says the same
        m_status->setText(tr("<b>%1: cannot open:</b> %2").arg(fileName.toHtmlEscaped(), reason.toHtmlEscaped()));
    });
    connect(m_model, &GraphsModel::moleculesChanged, this, [this] {
        const QSignalBlocker block(m_moleculeList);
        m_moleculeList->clear();
        m_moleculeList->addItems(m_model->moleculeNames());
        m_moleculeList->setCurrentRow(m_model->input().moleculeIndex);
        const QStringList columns = m_model->csvColumns();
        {
            const QSignalBlocker blockSmiles(m_smilesColumn), blockTarget(m_targetColumn);
            m_smilesColumn->clear();
            m_smilesColumn->addItems(columns);
            int smiles = int(columns.indexOf(m_model->smilesColumn()));
            if (smiles < 0) // the default: the column named smiles, in any case
                for (int i = 0; i < columns.size() && smiles < 0; ++i)
                    smiles = columns[i].compare(QLatin1String("smiles"), Qt::CaseInsensitive) == 0 ? i : -1;
            m_smilesColumn->setCurrentIndex(std::max(smiles, 0));
            m_targetColumn->clear();
            m_targetColumn->addItem(tr("(none)"));
            m_targetColumn->addItems(columns);
            m_targetColumn->setCurrentIndex(int(std::max<qsizetype>(0, columns.indexOf(m_model->targetColumn()) + 1)));
        }
        m_columnsPanel->setVisible(!columns.isEmpty());
        m_moleculePanel->setVisible(!columns.isEmpty() || m_moleculeList->count() > 1);
    });
    connect(m_model, &GraphsModel::conformerReady, this, [this](const chem::Conformer3d &conformer) {
        m_conformer = conformer;
        refresh3d();
    });
    connect(m_model, &GraphsModel::modelChanged, this, [this] { m_modelChoice->setCurrentModel(m_model->model()); });
    refresh();
}

GraphsView::~GraphsView() = default;

QWidget *GraphsView::makeInputBar()
{
    auto *bar = new QWidget;
    auto *row = new widgets::FlowLayout(bar); // wraps on a narrow window
    row->setContentsMargins(0, 0, 0, 0);

    m_seed = new QSpinBox;
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("Seed of the generated graph"));
    m_minNodes = new QSpinBox;
    m_minNodes->setRange(2, 400);
    m_minNodes->setValue(10);
    m_maxNodes = new QSpinBox;
    m_maxNodes->setRange(3, 401);
    m_maxNodes->setValue(30);
    m_sick = new QDoubleSpinBox;
    m_immune = new QDoubleSpinBox;
    m_virtual = new QDoubleSpinBox;
    for (auto [box, value, tip] : {std::tuple{m_sick, 0.4, tr("Largest fraction of sick nodes")},
                                   std::tuple{m_immune, 0.6, tr("Largest fraction of immune nodes")},
                                   std::tuple{m_virtual, 0.5, tr("Largest number of virtual edges, as a fraction of the real ones")}}) {
        box->setRange(0.0, 1.0);
        box->setSingleStep(0.05);
        box->setValue(value);
        box->setToolTip(tip);
    }
    auto *generate = new QPushButton(tr("Infection graph"));
    generate->setObjectName(QStringLiteral("generateInfection"));
    generate->setToolTip(tr("Generate an infection graph with these settings and explain its first infected node"));
    connect(generate, &QPushButton::clicked, this, [this] {
        graphs::InfectionSettings settings;
        settings.minNodes = m_minNodes->value();
        settings.maxNodes = std::max(m_maxNodes->value(), m_minNodes->value() + 1);
        settings.maxPercentSick = m_sick->value();
        settings.maxPercentImmune = m_immune->value();
        settings.maxPercentVirtual = m_virtual->value();
        step(tr("Infection graph %1").arg(m_seed->value()), [this, settings] { m_model->showInfection(quint64(m_seed->value()), settings); });
    });
    row->addWidget(generate);
    row->addGroup({smallLabel(tr("seed")), m_seed});
    row->addGroup({smallLabel(tr("nodes")), m_minNodes, new QLabel(QStringLiteral("–")), m_maxNodes});
    row->addGroup({smallLabel(tr("sick ≤")), m_sick});
    row->addGroup({smallLabel(tr("immune ≤")), m_immune});
    row->addGroup({smallLabel(tr("virtual ≤")), m_virtual});
    row->addSpacing(12);

    m_smiles = new QLineEdit;
    m_smiles->setObjectName(QStringLiteral("smilesInput"));
    m_smiles->setPlaceholderText(tr("SMILES, e.g. CC(=O)Nc1ccc(O)cc1"));
    m_smiles->setMinimumWidth(200);
    auto showSmiles = [this] {
        const QString smiles = m_smiles->text();
        step(tr("Molecule %1").arg(smiles), [this, smiles] { m_model->showSmiles(smiles); });
    };
    connect(m_smiles, &QLineEdit::returnPressed, this, showSmiles);
    auto *show = new QPushButton(tr("Molecule"));
    show->setToolTip(tr("Explain the molecule typed on the left"));
    connect(show, &QPushButton::clicked, this, showSmiles);
    row->addGroup({m_smiles, show}, 1);

    m_modelChoice = new ModelChoice(QStringLiteral("graphs"), tr("Open graph network weights"));
    m_modelChoice->addFixedChoice(tr("Built-in model"), QString()); // the input's kind decides
    connect(m_modelChoice, &ModelChoice::modelChosen, this, [this](const QString &model) {
        step(model.isEmpty() ? tr("Use the built-in model") : tr("Use the model %1").arg(QFileInfo(model).fileName()),
             [this, model] { m_model->setModel(model); });
    });
    row->addGroup({smallLabel(tr("model")), m_modelChoice});
    auto *aggregation = new QComboBox;
    aggregation->setObjectName(QStringLiteral("aggregationChoice"));
    aggregation->setToolTip(tr("How the network aggregates messages, for weights that do not say (the paper's .pt checkpoints)"));
    aggregation->addItem(tr("from the weights"), QString());
    for (const char *name : {"sum", "mean", "max"})
        aggregation->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    connect(aggregation, &QComboBox::activated, this, [this, aggregation](int index) {
        const QString chosen = aggregation->itemData(index).toString();
        step(tr("Aggregation: %1").arg(aggregation->itemText(index)), [this, chosen] { m_model->setAggregation(chosen); });
    });
    row->addWidget(aggregation);
    return bar;
}



void GraphsView::onNodeClicked(int node)
{
    const GraphScene &scene = m_model->explanations().scene;
    if (scene.kind == GraphScene::Kind::Infection) {
        step(tr("Explain node %1").arg(node), [this, node] { m_model->setTarget(QStringLiteral("node:%1").arg(node)); }); // its infection
        return;
    }
    m_selectedNode = node == m_selectedNode ? -1 : node; // molecules: highlight the atom everywhere
    refresh();
}

widgets::VtkView *GraphsView::view3d() const
{
    return m_view3d;
}

QString GraphsView::detailMethod() const
{
    return m_detailMethod->currentData().toString();
}

QString GraphsView::statusText() const
{
    const GraphExplanations &e = m_model->explanations();
    if (e.methods.isEmpty())
        return tr("Generate an infection graph, type a SMILES or open a molecule file (SMILES, SDF, CSV).");
    const GraphScene &s = e.scene;
    QString what;
    if (s.isMolecule())
        what = tr("%1: %2 atoms; explaining the predicted value %3").arg(s.smiles).arg(s.nodeCount).arg(s.globalOutput, 0, 'f', 3);
    else
        what = tr("Infection graph %1: %2 nodes, %3 edges; explaining %4 (click a node to explain it)")
                   .arg(m_model->input().seed)
                   .arg(s.nodeCount)
                   .arg(s.edges.size())
                   .arg(e.methods.first().target);
    return what + QStringLiteral(" · ") + s.model;
}

void GraphsView::refresh()
{
    const GraphExplanations &e = m_model->explanations();
    for (int i = 0; i < m_canvases.size(); ++i) {
        const MethodExplanation *method = i < e.methods.size() ? &e.methods[i] : nullptr;
        m_canvases[i]->setPicture(graphPicture(e.scene, method, m_selectedNode));
        m_canvases[i]->setNodeTooltips(nodeTooltips(e.scene, method));
    }
    const GraphScene &s = e.scene;
    if (s.isMolecule())
        m_prediction->setText(tr("predicted %1 · RDKit ESOL %2 · logP %3%4")
                                  .arg(s.globalOutput, 0, 'f', 3)
                                  .arg(s.esol, 0, 'f', 3)
                                  .arg(s.logP, 0, 'f', 3)
                                  .arg(s.hasTarget ? tr(" · measured %1").arg(s.target, 0, 'f', 3) : QString()));
    else if (s.kind == GraphScene::Kind::Infection) {
        int correct = 0;
        for (int i = 0; i < s.nodeCount; ++i)
            correct += ((s.nodeOutput.value(i) > 0.0) == s.infected.value(i)) ? 1 : 0;
        m_prediction->setText(tr("predicted infection correct for %1 of %2 nodes").arg(correct).arg(s.nodeCount));
    } else {
        m_prediction->clear();
    }
    refreshDetails();
    refreshDeletion();
}

void GraphsView::refreshDeletion()
{
    const GraphExplanations &e = m_model->explanations();
    for (auto [plot, key, axis, title] :
         {std::tuple{m_edgeDeletion, "edges", tr("fraction of edges deleted"), tr("Edges deleted by relevance")},
          std::tuple{m_nodeDeletion, "nodes", tr("fraction of nodes deleted"), tr("Nodes deleted by relevance")}}) {
        plot->clear();
        plot->setLabels(axis, tr("explained output"), title);
        for (const MethodExplanation &method : e.methods) {
            const QJsonObject curve = method.raw.value(QStringLiteral("deletion")).toObject().value(QLatin1String(key)).toObject();
            QVector<double> x, y;
            for (const QJsonValue &v : curve.value(QStringLiteral("fraction")).toArray())
                x.append(v.toDouble());
            for (const QJsonValue &v : curve.value(QStringLiteral("output")).toArray())
                y.append(v.toDouble());
            if (!x.isEmpty() && x.size() == y.size())
                plot->addLine(tr("%1 (area %2)").arg(MethodExplanation::title(method.method)).arg(curve.value(QStringLiteral("area")).toDouble(), 0, 'f', 3),
                              x, y);
        }
    }
}

void GraphsView::refreshDetails()
{
    const GraphExplanations &e = m_model->explanations();
    const int index = m_detailMethod->currentIndex();
    m_bars->clear();
    m_heatmap->clear();
    if (index < 0 || index >= e.methods.size())
        return;
    const MethodExplanation &method = e.methods[index];
    const GraphScene &s = e.scene;
    QVector<double> x;
    for (int i = 0; i < method.node.size(); ++i)
        x.append(i);
    m_bars->setLabels(s.isMolecule() ? tr("atom") : tr("node"), tr("relevance"), MethodExplanation::title(method.method));
    m_bars->setIntegerTicks(true, false);
    m_bars->addBars(tr("relevance"), x, method.node, 0.7);
    if (s.isMolecule() && s.crippen.size() == method.node.size())
        m_bars->addScatter(tr("Crippen contribution"), x, s.crippen);

    const int rows = int(method.nodeFeatures.size());
    const int columns = rows > 0 ? int(method.nodeFeatures.first().size()) : 0;
    QVector<double> values;
    double m = 0.0;
    for (const QVector<double> &row : method.nodeFeatures)
        for (double v : row) {
            values.append(v);
            m = std::max(m, std::abs(v));
        }
    if (rows > 0 && columns > 0) {
        m_heatmap->setLabels(tr("feature"), s.isMolecule() ? tr("atom") : tr("node"), tr("Relevance per node and feature"));
        m_heatmap->setIntegerTicks(true, true);
        m_heatmap->setHeatmap(tr("relevance"), columns, rows, values, QRectF(-0.5, -0.5, columns, rows), Colormap::Coolwarm,
                              -std::max(m, 1e-12), std::max(m, 1e-12));
    }
}

void GraphsView::refresh3d()
{
    if (!m_view3d)
        return;
    vtkRenderer *renderer = m_view3d->renderer();
    renderer->RemoveAllViewProps();
    const GraphExplanations &e = m_model->explanations();
    const int index = m_detailMethod->currentIndex();
    // Only the conformer of the molecule shown: the previous molecule's stays out of sight while
    // the new one is embedded.
    const bool embedded = e.scene.isMolecule() && !m_conformer.symbols.empty() && QString::fromStdString(m_conformer.smiles) == e.scene.smiles;
    if (!embedded || index < 0 || index >= e.methods.size()) {
        if (!e.scene.isMolecule())
            m_view3dNote->setText(tr("Open a molecule to see it in 3-D (RDKit ETKDG embedding, MMFF94 optimisation)."));
        else
            m_view3dNote->setText(tr("Embedding %1 in 3-D...").arg(e.scene.smiles));
        m_view3d->update();
        return;
    }
    const MethodExplanation &method = e.methods[index];
    double scale = 0.0;
    for (double v : method.node)
        scale = std::max(scale, std::abs(v));
    m_view3dNote->setText(tr("%1 in 3-D, atoms coloured by %2 relevance (hydrogens take their atom's colour, paler).")
                              .arg(e.scene.smiles, MethodExplanation::title(method.method)));
    for (std::size_t i = 0; i < m_conformer.symbols.size(); ++i) {
        const bool hydrogen = int(i) >= e.scene.nodeCount;
        const int owner = m_conformer.heavyAtom[i];
        QColor color = divergingColor(owner < method.node.size() ? method.node[owner] : 0.0, std::max(scale, 1e-12));
        if (hydrogen)
            color = color.lighter(125);
        vtkNew<vtkSphereSource> sphere;
        sphere->SetCenter(m_conformer.positions[i][0], m_conformer.positions[i][1], m_conformer.positions[i][2]);
        sphere->SetRadius(hydrogen ? 0.22 : 0.38);
        sphere->SetThetaResolution(24);
        sphere->SetPhiResolution(16);
        vtkNew<vtkPolyDataMapper> mapper;
        mapper->SetInputConnection(sphere->GetOutputPort());
        vtkNew<vtkActor> actor;
        actor->SetMapper(mapper);
        actor->GetProperty()->SetColor(color.redF(), color.greenF(), color.blueF());
        actor->GetProperty()->SetSpecular(0.3);
        renderer->AddActor(actor);
    }
    for (const chem::MoleculeBond &bond : m_conformer.bonds) {
        vtkNew<vtkLineSource> line;
        const auto &a = m_conformer.positions[std::size_t(bond.begin)], &b = m_conformer.positions[std::size_t(bond.end)];
        line->SetPoint1(a[0], a[1], a[2]);
        line->SetPoint2(b[0], b[1], b[2]);
        vtkNew<vtkPolyDataMapper> mapper;
        mapper->SetInputConnection(line->GetOutputPort());
        vtkNew<vtkActor> actor;
        actor->SetMapper(mapper);
        actor->GetProperty()->SetColor(0.45, 0.45, 0.45);
        actor->GetProperty()->SetLineWidth(float(2.0 * bond.order + 1.0));
        renderer->AddActor(actor);
    }
    renderer->SetBackground(1.0, 1.0, 1.0);
    m_view3d->resetCamera();
    m_view3d->update();
}

} // namespace periscope::app
