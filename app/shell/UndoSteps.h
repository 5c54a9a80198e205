// SPDX-License-Identifier: GPL-3.0-or-later
// A view's way onto its workspace's undo stack: each change a user makes is pushed as a
// SettingCommand. While a step is being applied (by the push itself, or by Undo or Redo), the
// widgets the step sets (a combo box following the model) would report changes of their own:
// those are no new steps and are dropped here, instead of being pushed from inside a push.
#pragma once

#include "app/shell/SettingCommand.h"

#include <QScopedValueRollback>
#include <QUndoStack>

#include <memory>

namespace periscope::app {

class UndoSteps {
public:
    explicit UndoSteps(QUndoStack *stack) : m_stack(stack) {}

    QUndoStack *stack() const { return m_stack; }
    bool isApplying() const { return *m_applying; }

    // Pushes (and so applies) one step from `before` to `after`; `mergeId` >= 0 merges it with a
    // step of the same id just before it. Nothing when they are equal or a step is applying.
    void push(const QString &text, const QVariant &before, const QVariant &after, SettingCommand::Apply apply, int mergeId = -1)
    {
        add(text, before, after, std::move(apply), mergeId, false);
    }
    // The same for a change that was made already (a study the panel created and opened): the
    // step is recorded for Undo, not applied a second time.
    void record(const QString &text, const QVariant &before, const QVariant &after, SettingCommand::Apply apply)
    {
        add(text, before, after, std::move(apply), -1, true);
    }

private:
    void add(const QString &text, const QVariant &before, const QVariant &after, SettingCommand::Apply apply, int mergeId, bool made)
    {
        if (*m_applying || before == after)
            return;
        auto *step = new SettingCommand(
            text, before, after,
            [applying = m_applying, apply = std::move(apply)](const QVariant &value) {
                const QScopedValueRollback<bool> guard(*applying, true);
                apply(value);
            },
            made);
        step->setMergeId(mergeId);
        m_stack->push(step);
    }

    QUndoStack *m_stack;
    // Shared with the steps, which may outlive a view closed before its workspace's stack.
    std::shared_ptr<bool> m_applying = std::make_shared<bool>(false);
};

} // namespace periscope::app
