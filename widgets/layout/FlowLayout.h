// SPDX-License-Identifier: GPL-3.0-or-later
// A row of controls that wraps onto more rows when the window is narrower than the row: what a
// workspace's toolbar is, so that no toolbar decides how wide the main window must be (issue #23:
// at 1280 x 720 a single row of Graphs' controls pushed the window to 1595 px).
//
// Items keep their size hints and go left to right; an item with a stretch factor (addWidget(w,
// stretch)) takes a share of what is left on its row, as in a QHBoxLayout. The layout has a
// height for each width, which QBoxLayout and QMainWindow honour.
#pragma once

#include <QLayout>
#include <QList>

#include <initializer_list>

namespace periscope::widgets {

class FlowLayout : public QLayout {
    Q_OBJECT
public:
    explicit FlowLayout(QWidget *parent = nullptr, int horizontalSpacing = -1, int verticalSpacing = -1);
    ~FlowLayout() override;

    // `stretch` > 0: the item widens to share its row's spare width with the row's other
    // stretching items, in proportion.
    void addWidget(QWidget *widget, int stretch = 0);
    // Widgets that wrap as one: a label and its field, a pair of buttons that act together.
    void addGroup(std::initializer_list<QWidget *> widgets, int stretch = 0);
    // A fixed gap of `width` pixels, as QBoxLayout::addSpacing.
    void addSpacing(int width);

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    int horizontalSpacing() const;
    int verticalSpacing() const;

private:
    // Lays the items out in `rect` (or only measures, when `apply` is false); returns the height.
    int arrange(const QRect &rect, bool apply) const;
    int spacingFromStyle(bool horizontal) const;

    struct Entry {
        QLayoutItem *item = nullptr;
        int stretch = 0;
    };
    QList<Entry> m_entries;
    int m_horizontalSpacing;
    int m_verticalSpacing;
};

} // namespace periscope::widgets
