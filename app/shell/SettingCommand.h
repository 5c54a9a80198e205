// SPDX-License-Identifier: GPL-3.0-or-later
// One undoable change of a workspace's state that a value describes (the inputs it has open, the
// model, a setting): redo applies the value after, undo the value before, through the same
// function. A workspace pushes one for each change a user makes, so that Edit > Undo and Redo
// cover it (#23). Pushing applies the change (QUndoStack::push calls redo).
#pragma once

#include <QUndoCommand>
#include <QVariant>

#include <functional>
#include <utility>

namespace periscope::app {

class SettingCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const QVariant &value)>;
    SettingCommand(const QString &text, QVariant before, QVariant after, Apply apply)
        : QUndoCommand(text), m_before(std::move(before)), m_after(std::move(after)), m_apply(std::move(apply))
    {
    }
    void undo() override { m_apply(m_before); }
    void redo() override { m_apply(m_after); }

private:
    QVariant m_before, m_after;
    Apply m_apply;
};

} // namespace periscope::app
