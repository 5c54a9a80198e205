// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/figures/Figure.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace periscope::app {

// File > Export Figure's options: resolution (PNG), width, caption, colorbar, legend, scale bar.
class FigureOptionsDialog : public QDialog {
    Q_OBJECT
public:
    explicit FigureOptionsDialog(bool raster, QWidget *parent = nullptr);
    FigureOptions options() const;

private:
    QSpinBox *m_dpi;
    QDoubleSpinBox *m_width;
    QLineEdit *m_caption;
    QCheckBox *m_colorbar;
    QCheckBox *m_legend;
    QCheckBox *m_scaleBar;
    QDoubleSpinBox *m_pixelsPerUnit;
    QLineEdit *m_unit;
};

} // namespace periscope::app
