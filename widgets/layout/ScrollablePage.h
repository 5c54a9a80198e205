// SPDX-License-Identifier: GPL-3.0-or-later
// A page (a tab's form, a side panel) that scrolls when the window is smaller than the page's
// minimum size, instead of making the window that large (issue #23). Where there is room the page
// fills the area as it would without the scroll area.
#pragma once

#include <QScrollArea>

namespace periscope::widgets {

// Wraps `page` (ownership passes to the returned scroll area, which has no frame).
QScrollArea *scrollable(QWidget *page);

} // namespace periscope::widgets
