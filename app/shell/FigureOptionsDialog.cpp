// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/FigureOptionsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>

namespace periscope::app {

FigureOptionsDialog::FigureOptionsDialog(bool raster, QWidget *parent)
    : QDialog(parent), m_dpi(new QSpinBox(this)), m_width(new QDoubleSpinBox(this)), m_caption(new QLineEdit(this)),
      m_colorbar(new QCheckBox(tr("Colorbar for the top map"), this)), m_legend(new QCheckBox(tr("Legend for label layers"), this)),
      m_scaleBar(new QCheckBox(tr("Scale bar"), this)), m_pixelsPerUnit(new QDoubleSpinBox(this)), m_unit(new QLineEdit(this))
{
    setWindowTitle(tr("Figure Options"));
    setObjectName(QStringLiteral("figureOptionsDialog"));
    const QSettings settings;
    m_dpi->setRange(30, 2400);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setValue(settings.value(QStringLiteral("figure/dpi"), 300).toInt());
    m_dpi->setEnabled(raster);
    m_width->setRange(0.6, 40.0);
    m_width->setSuffix(tr(" in"));
    m_width->setValue(settings.value(QStringLiteral("figure/widthInches"), 6.0).toDouble());
    m_colorbar->setChecked(true);
    m_legend->setChecked(true);
    m_pixelsPerUnit->setRange(0.0, 1e6);
    m_pixelsPerUnit->setDecimals(3);
    m_pixelsPerUnit->setEnabled(false);
    m_unit->setText(QStringLiteral("px"));
    m_unit->setEnabled(false);
    connect(m_scaleBar, &QCheckBox::toggled, m_pixelsPerUnit, &QWidget::setEnabled);
    connect(m_scaleBar, &QCheckBox::toggled, m_unit, &QWidget::setEnabled);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Resolution:"), m_dpi);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Caption:"), m_caption);
    form->addRow(m_colorbar);
    form->addRow(m_legend);
    form->addRow(m_scaleBar);
    form->addRow(tr("Image pixels per unit:"), m_pixelsPerUnit);
    form->addRow(tr("Unit:"), m_unit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings settings;
        settings.setValue(QStringLiteral("figure/dpi"), m_dpi->value());
        settings.setValue(QStringLiteral("figure/widthInches"), m_width->value());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

FigureOptions FigureOptionsDialog::options() const
{
    FigureOptions o;
    o.dpi = m_dpi->value();
    o.widthInches = m_width->value();
    o.caption = m_caption->text();
    o.colorbar = m_colorbar->isChecked();
    o.legend = m_legend->isChecked();
    o.scaleBar = m_scaleBar->isChecked() && m_pixelsPerUnit->value() > 0;
    o.pixelsPerUnit = m_pixelsPerUnit->value();
    o.unit = m_unit->text();
    return o;
}

} // namespace periscope::app
