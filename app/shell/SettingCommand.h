// SPDX-License-Identifier: GPL-3.0-or-later
// One undoable change of a workspace's state that a value describes (the inputs it has open, the
// model, a setting): redo applies the value after, undo the value before, through the same
// function. A workspace pushes one for each change a user makes, so that Edit > Undo and Redo
// cover it (#23). Pushing applies the change (QUndoStack::push calls redo), unless the change was
// made already (`alreadyMade`: the state after is read once it happened).
#pragma once

#include <QUndoCommand>
#include <QVariant>

#include <functional>
#include <utility>

namespace periscope::app {

class SettingCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const QVariant &value)>;
    SettingCommand(const QString &text, QVariant before, QVariant after, Apply apply, bool alreadyMade = false)
        : QUndoCommand(text), m_before(std::move(before)), m_after(std::move(after)), m_apply(std::move(apply)), m_skipRedo(alreadyMade)
    {
    }
    // Steps with the same id in a row become one (a spin box's every keystroke: one step).
    void setMergeId(int id) { m_id = id; }
    int id() const override { return m_id; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const SettingCommand *>(other);
        if (!next || next->m_id != m_id || m_id < 0)
            return false;
        m_after = next->m_after;
        return true;
    }
    void undo() override { m_apply(m_before); }
    void redo() override
    {
        if (std::exchange(m_skipRedo, false))
            return;
        m_apply(m_after);
    }

private:
    QVariant m_before, m_after;
    Apply m_apply;
    bool m_skipRedo;
    int m_id = -1;
};

} // namespace periscope::app
