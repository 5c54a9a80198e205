// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/layout/ScrollablePage.h"

#include <QScrollArea>

namespace periscope::widgets {

QScrollArea *scrollable(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidgetResizable(true); // as large as the area, down to the page's minimum size
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(page);
    return area;
}

} // namespace periscope::widgets
